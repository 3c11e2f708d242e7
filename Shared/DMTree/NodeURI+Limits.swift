extension NodeURI {
    /// A device's limits on URIs, as it reports them in `./DevDetail/URI/MaxDepth`, `MaxTotLen` and `MaxSegLen`.
    ///
    /// `0` means unlimited, as in DevDetail. How each limit is measured:
    /// - depth: the number of segments below the root (`./DevInfo/Mod` has depth 2; the root `.` is not counted);
    /// - total length: UTF-8 bytes of the normalised form with its `./` prefix (`./DevInfo/Mod` is 13);
    /// - segment length: UTF-8 bytes of each segment in wire form.
    ///
    /// Counting bytes rather than characters is the stricter reading for non-ASCII names, which is the safe
    /// side for devices that store URIs in fixed byte buffers.
    public struct Limits: Sendable, Hashable {
        /// Most segments below the root, or 0 for no limit.
        public var maxDepth: Int
        /// Longest URI in bytes, or 0 for no limit.
        public var maxTotalLength: Int
        /// Longest segment in bytes, or 0 for no limit.
        public var maxSegmentLength: Int

        /// Creates limits; 0 (the default) means unlimited.
        /// - Parameters:
        ///   - maxDepth: `DevDetail/URI/MaxDepth`.
        ///   - maxTotalLength: `DevDetail/URI/MaxTotLen`.
        ///   - maxSegmentLength: `DevDetail/URI/MaxSegLen`.
        public init(maxDepth: Int = 0, maxTotalLength: Int = 0, maxSegmentLength: Int = 0) {
            self.maxDepth = maxDepth
            self.maxTotalLength = maxTotalLength
            self.maxSegmentLength = maxSegmentLength
        }

        /// No limits.
        public static let unlimited = Limits()

        /// Reads the limits from the DevDetail node values, which are decimal 16-bit values; a missing value
        /// means unlimited.
        /// - Parameters:
        ///   - maxDepth: the value of `DevDetail/URI/MaxDepth`, if read.
        ///   - maxTotLen: the value of `DevDetail/URI/MaxTotLen`, if read.
        ///   - maxSegLen: the value of `DevDetail/URI/MaxSegLen`, if read.
        /// - Throws: ``NodeValueError`` when a value is not a decimal integer in 0...65535.
        public init(devDetailMaxDepth maxDepth: String?, maxTotLen: String?, maxSegLen: String?)
            throws(NodeValueError)
        {
            func read(_ text: String?) throws(NodeValueError) -> Int {
                guard let text else { return 0 }
                return Int(try NodeValues.parseInt(text, in: 0...65_535))
            }
            self.init(
                maxDepth: try read(maxDepth), maxTotalLength: try read(maxTotLen), maxSegmentLength: try read(maxSegLen)
            )
        }

        /// True when no limit is set.
        public var isUnlimited: Bool { maxDepth == 0 && maxTotalLength == 0 && maxSegmentLength == 0 }

        /// Throws when `uri` breaks one of the limits.
        func check(_ uri: NodeURI, input: String) throws(NodeURIError) {
            if maxDepth > 0, uri.depth > maxDepth {
                throw NodeURIError(
                    .tooDeep, "\(uri.depth) segments exceed the device's MaxDepth of \(maxDepth)", input: input)
            }
            if maxTotalLength > 0 {
                let length = uri.description.utf8.count
                if length > maxTotalLength {
                    throw NodeURIError(
                        .tooLong, "\(length) bytes exceed the device's MaxTotLen of \(maxTotalLength)", input: input)
                }
            }
            if maxSegmentLength > 0 {
                for (index, segment) in uri.segments.enumerated() where segment.utf8.count > maxSegmentLength {
                    throw NodeURIError(
                        .segmentTooLong,
                        "segment \(index + 1) ('\(segment)') has \(segment.utf8.count) bytes, over the device's "
                            + "MaxSegLen of \(maxSegmentLength)", input: input)
                }
            }
        }
    }

    /// Checks this URI against a device's limits.
    /// - Parameter limits: the limits to honour.
    /// - Throws: ``NodeURIError`` of kind `tooDeep`, `tooLong` or `segmentTooLong`.
    public func validate(against limits: Limits) throws(NodeURIError) {
        try limits.check(self, input: description)
    }
}
