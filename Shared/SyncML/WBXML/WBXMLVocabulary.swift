/// Names WBXML tags when a body is rendered as XML text: SyncML and MetInf tags in a SyncML message, or
/// DevInf tags in a DevInf document.
enum WBXMLVocabulary: Sendable, Hashable {
    /// Page 0 is SyncML (namespace of `version`), page 1 is MetInf (`syncml:metinf`).
    case syncML(SyncMLVersion)
    /// Page 0 is DevInf (`syncml:devinf`); `devInf11` selects the DevInf 1.1 names.
    case devInf(devInf11: Bool)

    /// The MetInf namespace.
    static let metInfNamespace = "syncml:metinf"

    /// The name and namespace of a tag, or nil when the tag is unknown and is to be skipped.
    func element(_ tag: WBXMLStartTag) -> (name: String, namespace: String)? {
        guard !tag.isLiteral else { return nil }
        switch self {
        case .syncML(let version):
            guard let known = SyncMLTag(page: tag.page, token: tag.token) else { return nil }
            return (known.name, known.isMetInf ? WBXMLVocabulary.metInfNamespace : version.namespace)
        case .devInf(let devInf11):
            guard tag.page == 0, let name = WBXMLDevInfCodePage.name(of: tag.token, devInf11: devInf11) else {
                return nil
            }
            return (name, WBXMLDevInfCodePage.namespace)
        }
    }
}
