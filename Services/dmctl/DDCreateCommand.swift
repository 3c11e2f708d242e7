import ArgumentParser
import Download

/// `dmctl dd create`: writes a DL 1.0 or DL 2.0 descriptor for one object.
struct DDCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Write a download descriptor for one object.",
        discussion: """
            Writes compact XML to standard output or -o OUT. DL 2.0 descriptors get one product with one media \
            object whose objectID and single server are the object URI. The result is checked as 'dd validate' \
            would: exit code 1 with the reason when it would be invalid (for example a size of 0 or a relative URI).
            """)

    /// The descriptor version to write.
    enum Version: String, ExpressibleByArgument, CaseIterable {
        case one = "1"
        case two = "2"
    }

    @Option(name: .customLong("version"), help: "Descriptor version: 1 (DL 1.0) or 2 (DL 2.0).")
    var version: Version

    @Option(name: .customLong("object-uri"), help: "Absolute URL of the object.")
    var objectURI: String

    @Option(help: "Size of the object in bytes.")
    var size: Int64

    @Option(name: .customLong("type"), help: "MIME type of the object; repeat for several.")
    var types: [String] = []

    @Option(help: "User-readable name.")
    var name: String?

    @Option(name: .customLong("install-notify-uri"), help: "Where the device reports the installation status.")
    var installNotifyURI: String?

    @Option(help: "The vendor's name.")
    var vendor: String?

    @Option(name: .customLong("description"), help: "A short description.")
    var descriptionText: String?

    @Option(name: .shortAndLong, help: "Output file; standard output when omitted or '-'.")
    var output: String?

    func validate() throws {
        if types.isEmpty { throw ValidationError("at least one --type is required") }
    }

    func run() throws {
        try failingOnInvalidInput {
            let document: DownloadDescriptorDocument
            do {
                document = try makeDocument()
            } catch {
                throw InvalidInput("the descriptor would be invalid: \(error)")
            }
            var bytes = document.encoded()
            if output == nil || output == "-" { bytes.append(UInt8(ascii: "\n")) }
            try CommandIO.writeOutput(bytes, to: output)
        }
    }

    /// Builds the descriptor and checks it with the same rules parsing applies.
    private func makeDocument() throws(DescriptorError) -> DownloadDescriptorDocument {
        switch version {
        case .one:
            let dd = DownloadDescriptorV1(
                types: types, size: size, objectURI: objectURI, installNotifyURI: installNotifyURI, name: name,
                description: descriptionText, vendor: vendor)
            return .v1(try dd.validated())
        case .two:
            let object = DownloadDescriptorV2.MediaObject(
                meta: name.map { DownloadDescriptorV2.Meta(name: $0) }, size: size, types: types, objectID: objectURI,
                servers: [objectURI])
            let productMeta = DownloadDescriptorV2.Meta(
                name: name, description: descriptionText, installNotifyURI: installNotifyURI)
            let dd = DownloadDescriptorV2(
                vendor: vendor.map { DownloadDescriptorV2.Vendor(name: $0) },
                products: [
                    .init(meta: productMeta == DownloadDescriptorV2.Meta() ? nil : productMeta, mediaObjects: [object])
                ])
            return .v2(try dd.validated())
        }
    }
}
