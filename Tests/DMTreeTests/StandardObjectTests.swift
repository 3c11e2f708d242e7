import DMTree
import Testing

@Suite struct StandardObjectTests {
    @Test func managementObjectIDs() {
        #expect(ManagementObjectID.devInfo.rawValue == "urn:oma:mo:oma-dm-devinfo:1.0")
        #expect(ManagementObjectID.devDetail.rawValue == "urn:oma:mo:oma-dm-devdetail:1.0")
        #expect(ManagementObjectID.dmAcc.rawValue == "urn:oma:mo:oma-dm-dmacc:1.0")
        #expect(ManagementObjectID.fumo.rawValue == "urn:oma:mo:oma-fumo:1.0")
        #expect(ManagementObjectID.scomo.rawValue == "urn:oma:mo:oma-scomo:1.0")
        #expect(ManagementObjectID.lawmo.rawValue == "urn:oma:mo:oma-lawmo:1.0")
        #expect(ManagementObjectID.diagMon.rawValue == "urn:oma:mo:oma-diagmon:1.0")
        #expect(ManagementObjectID.known(matching: " URN:OMA:MO:OMA-FUMO:1.0 ") == .fumo)
        #expect(ManagementObjectID.known(matching: "urn:oma:mo:oma-fumo:2.0") == nil)
        #expect(ManagementObjectID.scomo.matches("urn:oma:mo:OMA-SCOMO:1.0"))
        #expect(ManagementObjectID.devInfo.conventionalRoot?.description == "./DevInfo")
        #expect(ManagementObjectID.fumo.conventionalRoot?.description == "./FwUpdate")
        #expect(ManagementObjectID.diagMon.conventionalRoot == nil)
        #expect(Set(ManagementObjectID.allKnown).count == ManagementObjectID.allKnown.count)
    }

    @Test func devInfoAndDevDetailPaths() {
        #expect(DevInfoNode.devId.uri.description == "./DevInfo/DevId")
        #expect(DevInfoNode.mandatory.map(\.rawValue) == ["DevId", "Man", "Mod", "DmV", "Lang"])
        #expect(DevInfoNode(nodeName: "DevID") == .devId)
        #expect(DevDetailNode.fwV.uri.description == "./DevDetail/FwV")
        #expect(DevDetailNode.uriMaxDepth.uri.description == "./DevDetail/URI/MaxDepth")
        #expect(DevDetailNode.uriMaxDepth.uri.depth == 3)
        #expect(DevDetailNode(path: "uri/maxseglen") == .uriMaxSegLen)
        #expect(DevDetailNode.lrgObj.format == .bool)
    }

    @Test func dmAccPaths() throws {
        let account = try DMAccNode.account(named: "x1")
        #expect(DMAccNode.serverID.uri(in: account).description == "./DMAcc/x1/ServerID")
        #expect(DMAccNode(nodeName: "ServerId") == .serverID)
        #expect(try DMAccAppAddrNode.addr.uri(in: account, address: "a1").description == "./DMAcc/x1/AppAddr/a1/Addr")
        #expect(
            try DMAccAppAddrNode.portNumberURI(in: account, address: "a1", port: "p1").description
                == "./DMAcc/x1/AppAddr/a1/Port/p1/PortNbr")
        #expect(
            try DMAccAppAuthNode.aAuthData.uri(in: account, credentials: "srv").description
                == "./DMAcc/x1/AppAuth/srv/AAuthData")
        #expect(DMAccAppAuthNode.aAuthData.format == .bin)
        #expect(DMAccAuthLevel(value: "srvcred") == .serverCredentials)
        #expect(DMAccAuthType(value: "digest") == .digest)
        #expect(DMAccAuthType(value: "KERBEROS") == nil)
        #expect(throws: NodeURIError.self) { try DMAccNode.account(named: "..") }
    }
}
