import DMTree
import Testing

@Suite struct AccessControlListTests {
    @Test(arguments: [
        "Get=*&Replace=srv1+srv2",
        "Add=*&Get=*",
        "Add=a&Delete=b&Exec=c&Get=d&Replace=e",
        "",
        "Get=com.mgmtsrv.manage",
    ])
    func canonicalTextRoundTrips(text: String) throws {
        #expect(try AccessControlList(parsing: text).description == text)
    }

    @Test func parsingNormalises() throws {
        #expect(try AccessControlList(parsing: "replace=s1&get=*").description == "Get=*&Replace=s1")
        #expect(try AccessControlList(parsing: "Get=s1&Get=s2+s1").description == "Get=s1+s2")
        #expect(try AccessControlList(parsing: "Get=s1+*").description == "Get=*")
    }

    @Test func checks() throws {
        let acl = try AccessControlList(parsing: "Get=*&Replace=srv1+srv2")
        #expect(acl.allows("anyone", .get))
        #expect(acl.allows("srv1", .replace))
        #expect(acl.allows("srv2", .replace))
        #expect(!acl.allows("srv3", .replace))
        #expect(!acl.allows("SRV1", .replace))
        #expect(!acl.allows("srv1", .delete))
        #expect(!acl.allows("srv1", .exec))
    }

    @Test func emptyACLInherits() throws {
        let empty = try AccessControlList(parsing: "")
        #expect(empty.isEmpty)
        #expect(!empty.allows("srv1", .get))
        let parent = try AccessControlList(parsing: "Get=srv1")
        let effective = AccessControlList.effective(along: [empty, empty, parent, .rootDefault])
        #expect(effective == parent)
        #expect(AccessControlList.effective(along: [empty, .rootDefault]) == .rootDefault)
        #expect(AccessControlList.effective(along: [empty]).isEmpty)
        #expect(AccessControlList.rootDefault.description == "Add=*&Get=*")
    }

    @Test func grantAndRevoke() {
        var acl = AccessControlList()
        acl.grant(.exec, to: .servers(["s1"]))
        acl.grant(.exec, to: .servers(["s2", "s1"]))
        #expect(acl.description == "Exec=s1+s2")
        acl.grant(.exec, to: .everyone)
        acl.grant(.exec, to: .servers(["s3"]))
        #expect(acl.description == "Exec=*")
        acl.revoke(.exec)
        #expect(acl.isEmpty)
    }

    @Test(arguments: [
        ("Get", ACLParseError.Kind.missingEquals),
        ("Get=*&", .missingEquals),
        ("Copy=*", .unknownCommand),
        ("Get=", .emptyServerID),
        ("Get=a++b", .emptyServerID),
        ("Get=a*b", .invalidServerID),
        ("Get=a=b", .invalidServerID),
    ])
    func invalidACLs(text: String, kind: ACLParseError.Kind) {
        let error = #expect(throws: ACLParseError.self) { try AccessControlList(parsing: text) }
        #expect(error?.kind == kind)
    }
}
