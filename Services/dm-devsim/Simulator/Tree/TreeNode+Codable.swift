import DMTree

extension TreeNode: Codable {
    private enum CodingKeys: String, CodingKey {
        case format = "f", type = "t", acl = "a", title = "ti", verNo = "v", tstamp = "ts", value = "d", text = "s"
        case children = "c", isPermanent = "p", execAction = "x"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decode(NodeFormat.self, forKey: .format)
        self.init(format: format)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        let aclText = try container.decodeIfPresent(String.self, forKey: .acl) ?? ""
        acl = (try? AccessControlList(parsing: aclText)) ?? AccessControlList()
        title = try container.decodeIfPresent(String.self, forKey: .title)
        verNo = try container.decodeIfPresent(Int.self, forKey: .verNo) ?? 0
        tstamp = try container.decodeIfPresent(String.self, forKey: .tstamp)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            value = Array(text.utf8)
        } else if let bytes = try container.decodeIfPresent(String.self, forKey: .value) {
            value = Base64Coding.decode(bytes) ?? []
        } else {
            value = format == .node ? nil : []
        }
        children = try container.decodeIfPresent([String].self, forKey: .children) ?? []
        isPermanent = try container.decodeIfPresent(Bool.self, forKey: .isPermanent) ?? false
        execAction = try container.decodeIfPresent(ExecAction.self, forKey: .execAction)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encodeIfPresent(type, forKey: .type)
        if !acl.isEmpty { try container.encode(acl.description, forKey: .acl) }
        try container.encodeIfPresent(title, forKey: .title)
        if verNo != 0 { try container.encode(verNo, forKey: .verNo) }
        try container.encodeIfPresent(tstamp, forKey: .tstamp)
        if let value, !value.isEmpty {
            if format != .bin, let text = String(validating: value, as: UTF8.self) {
                try container.encode(text, forKey: .text)
            } else {
                try container.encode(Base64Coding.encode(value), forKey: .value)
            }
        }
        if !children.isEmpty { try container.encode(children, forKey: .children) }
        if isPermanent { try container.encode(true, forKey: .isPermanent) }
        try container.encodeIfPresent(execAction, forKey: .execAction)
    }
}

extension DeviceTree: Codable {
    public init(from decoder: any Decoder) throws {
        self.init()
        nodes = try decoder.singleValueContainer().decode([String: TreeNode].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(nodes)
    }
}
