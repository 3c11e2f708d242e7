import DMTree
import Testing

@Suite struct FUMOTests {
    @Test func paths() throws {
        let object = try NodeURI("./FwUpdate/x1")
        #expect(
            FUMONode.downloadAndUpdatePkgURL.uri(in: object).description == "./FwUpdate/x1/DownloadAndUpdate/PkgURL")
        #expect(FUMONode.download.format == .node)
        #expect(FUMONode.update.format == .node)
        #expect(FUMONode.updatePkgData.format == .bin)
        #expect(FUMONode.state.format == .int)
        #expect(FUMONode(path: "download/pkgurl") == .downloadPkgURL)
        #expect(FUMOOperation.update.packageNode == .updatePkgData)
        #expect(FUMOOperation.downloadAndUpdate.alertType == .downloadAndUpdate)
    }

    @Test func operationFromAlertSource() throws {
        let object = try NodeURI("./FwUpdate/Package1")
        #expect(
            FUMOOperation(source: try NodeURI("./FwUpdate/Package1/DownloadAndUpdate"), in: object)
                == .downloadAndUpdate)
        #expect(FUMOOperation(source: try NodeURI("./FwUpdate/Package1/Download/PkgURL"), in: object) == .download)
        #expect(FUMOOperation(source: object, in: object) == nil)
        #expect(FUMOOperation(source: try NodeURI("./FwUpdate/Package10/Update"), in: object) == nil)
    }

    @Test func states() {
        #expect(FUMOState.allCases.map(\.rawValue) == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(FUMOState.allCases.filter(\.isTerminal).map(\.rawValue) == [20, 70, 80, 90, 100])
        #expect(FUMOState.allCases.filter(\.isFailure).map(\.rawValue) == [20, 70, 80])
        #expect(FUMOState.readyToUpdate.description == "Ready to Update")
        #expect(FUMOState.interpret(30) == .standard(.downloadProgressing))
        #expect(FUMOState.interpret(221) == .vendorSpecific(221))
        #expect(FUMOState.interpret(15) == .unknown(15))
    }

    @Test(arguments: [
        (200, ResultCodeCategory.successful, "Successful"),
        (260, .successfulVendorSpecified, "Successful, vendor specified"),
        (402, .clientError, "Corrupted firmware update package"),
        (412, .clientError, "Alternate download server unavailable"),
        (455, .clientErrorVendorSpecified, "Client error, vendor specified"),
        (500, .downloadServerError, "Alternate download server error"),
        (503, .downloadServerError, "Download failed, network issues"),
        (560, .downloadServerErrorVendorSpecified, "Alternate download server error, vendor specified"),
        (413, .unknown, "Unknown result code 413"),
        (100, .unknown, "Unknown result code 100"),
    ])
    func resultCodes(code: Int, category: ResultCodeCategory, meaning: String) {
        let result = FUMOResultCode(rawValue: code)
        #expect(result.category == category)
        #expect(result.meaning == meaning)
        #expect(result.isSuccess == (category == .successful || category == .successfulVendorSpecified))
    }

    @Test func resultCodeFromAlertData() {
        #expect(FUMOResultCode(alertData: " 200\n") == .successful)
        #expect(FUMOResultCode(alertData: "abc") == nil)
        #expect(FUMOResultCode.corruptedPackage.description == "402 Corrupted firmware update package")
    }

    @Test func alertTypes() {
        #expect(
            FUMOAlertType(matching: "org.openmobilealliance.dm.firmwareupdate.downloadandupdate") == .downloadAndUpdate)
        #expect(
            FUMOAlertType(matching: "Reversed-Domain-Name: org.openmobilealliance.dm.firmwareupdate.download")
                == .download)
        #expect(
            FUMOAlertType(matching: "reversed-domain-name:org.openmobilealliance.dm.firmwareupdate.Update") == .update)
        #expect(
            FUMOAlertType(matching: "org.openmobilealliance.dm.firmwareupdate.userrequest")?.isClientRequest == true)
        #expect(FUMOAlertType(matching: "org.openmobilealliance.dm.firmwareupdate") == nil)
    }
}

@Suite struct SCOMOTests {
    @Test(arguments: [
        "urn:oma:at:scomo:1.0:OperationComplete",
        "org.openmobilealliance.dm.softwarecomponent.OperationComplete",
        "org.openmobilealliance.softwarecomponent.OperationComplete",
        "ORG.OPENMOBILEALLIANCE.DM.SOFTWARECOMPONENT.OPERATIONCOMPLETE",
        "Reversed-Domain-Name: org.openmobilealliance.dm.softwarecomponent.OperationComplete",
        "  urn:oma:at:scomo:1.0:operationcomplete ",
    ])
    func alertTypeSpellings(type: String) {
        #expect(SCOMOAlertType(matching: type) == .operationComplete)
        #expect(KnownAlertType(matching: type) == .scomo(.operationComplete))
    }

    @Test func alertTypePreferredSpelling() {
        #expect(SCOMOAlertType.operationComplete.preferredSpelling == "urn:oma:at:scomo:1.0:OperationComplete")
        #expect(SCOMOAlertType(matching: "org.openmobilealliance.dm.softwarecomponent.Other") == nil)
    }

    @Test(arguments: [
        ("Deactivate", SCOMOOperation.deactivate), ("Deactive", .deactivate), ("deactive", .deactivate),
        ("DownloadInstallInactivate", .downloadInstallInactive), ("downloadinstallinactive", .downloadInstallInactive),
        ("InstallInactivate", .installInactive), ("Remove", .remove), ("ACTIVATE", .activate),
    ])
    func operationNameVariants(name: String, operation: SCOMOOperation) {
        #expect(SCOMOOperation(nodeName: name) == operation)
    }

    @Test func operationsAndPaths() throws {
        #expect(SCOMOOperation(nodeName: "Uninstall") == nil)
        #expect(SCOMOOperation.remove.scopes == [.delivered, .deployed])
        let scomo = try NodeURI("./SCOMO")
        let entry = try SCOMONode.deployed.entry(in: scomo, named: "com.example.app")
        #expect(entry.description == "./SCOMO/Inventory/Deployed/com.example.app")
        #expect(
            SCOMOOperation.deactivate.uri(in: entry).description
                == "./SCOMO/Inventory/Deployed/com.example.app/Operations/Deactivate")
        #expect(
            try SCOMOOperation.deactivate.uri(in: entry, nodeName: "Deactive").description
                == "./SCOMO/Inventory/Deployed/com.example.app/Operations/Deactive")
        #expect(SCOMOEntryNode.state.uri(in: entry).lastSegment == "State")
        #expect(SCOMOEntryNode(nodeName: "PkgId") == .pkgID)
        #expect(SCOMOEntryNode.data.format == .bin)
    }

    @Test func statesAndStatuses() {
        #expect(SCOMODeployedState(rawValue: 10) == .inactive)
        #expect(SCOMODeployedState(rawValue: 20) == .active)
        #expect(SCOMODeliveredState(rawValue: 20) == .installed)
        #expect(SCOMODownloadStatus.allCases.map(\.rawValue) == [10, 20, 30, 40, 50, 60, 70])
        #expect(SCOMODownloadStatus.installFailedWithData.isFailure)
        #expect(SCOMODeliveredStatus.allCases.map(\.rawValue) == [10, 20, 30, 40, 50, 60])
        #expect(SCOMODeliveredStatus.installProgressing.isProgressing)
        #expect(SCOMODeployedStatus.allCases.filter(\.isFailure).map(\.rawValue) == [20, 40, 60])
        #expect(SCOMODeployedStatus.deactivateProgressing.description == "Deactivate Progressing")
    }

    @Test func resultCodes() {
        #expect(SCOMOResultCode(alertData: "1200") == .successful)
        #expect(
            SCOMOResultCode(alertData: "<ResultCode>1405</ResultCode><Identifier>app</Identifier>") == .installFailed)
        #expect(SCOMOResultCode(alertData: "<![CDATA[<ResultCode>1409</ResultCode>]]>") == .activateFailed)
        #expect(SCOMOResultCode(alertData: " <ResultCode> 1409 </ResultCode> ") == .activateFailed)
        #expect(SCOMOResultCode.installFailed.meaning == "Install failed")
        #expect(SCOMOResultCode(rawValue: 1270).category == .successfulVendorSpecified)
        #expect(SCOMOResultCode(rawValue: 1501).category == .downloadServerError)
        #expect(SCOMOResultCode(rawValue: 1599).category == .downloadServerErrorVendorSpecified)
        #expect(SCOMOResultCode(rawValue: 202).category == .unknown)
        #expect(!SCOMOResultCode.removeFailed.isSuccess)
    }
}

@Suite struct LAWMOAndDiagMonTests {
    @Test func lawmo() throws {
        #expect(LAWMOOperation(nodeName: "UnLock") == .unLock)
        #expect(LAWMOOperation(nodeName: "Unlock") == .unLock)
        #expect(LAWMOOperation.unLock.rawValue == "UnLock")
        #expect(LAWMOOperation.fullyLock.resultingState == .fullyLocked)
        #expect(LAWMOOperation.wipe.resultingState == nil)
        let lawmo = try NodeURI("./LAWMO")
        #expect(LAWMOOperation.unLock.uri(in: lawmo).description == "./LAWMO/Operations/UnLock")
        #expect(LAWMONode.notifyUser.uri(in: lawmo).description == "./LAWMO/LAWMOConfig/NotifyUser")
        #expect(try LAWMONode.toBeWiped(in: lawmo, item: "SD").description == "./LAWMO/AvailableWipeList/SD/ToBeWiped")
        #expect(LAWMOState(rawValue: 30) == .unlocked)
        #expect(LAWMOAlertType(matching: "urn:oma:at:lawmo:1.0:OperationComplete") == .operationComplete)
        #expect(LAWMOResultCode(alertData: "1404")?.meaning == "Unlock failed")
        #expect(LAWMOResultCode.wipeWithListSuccessful.isSuccess)
        #expect(LAWMOResultCode(rawValue: 1407).category == .unknown)
    }

    @Test func diagMon() {
        #expect(DiagMonAlertType(matching: "urn:oma:at:diagmon:1.0:TrapNotification") == .trapNotification)
        #expect(DiagMonAlertType(matching: "URN:OMA:AT:DIAGMON:1.0:TRAPDEREGISTERED") == .trapDeregistered)
        #expect(DiagMonAlertType.allCases.count == 5)
        #expect(
            KnownAlertType(matching: "urn:oma:at:diagmon:1.0:TrapInactiveNotification")?.managementObject
                == .diagMonTrap)
        #expect(KnownAlertType(matching: "urn:oma:at:diagmon:1.0:OperationComplete")?.managementObject == .diagMon)
    }
}

@Suite struct GenericAlertTypeTests {
    @Test func prefixesAreStripped() {
        let prefixed = GenericAlertType("Reversed-Domain-Name: org.wi-fi.hotspot2dot0.SubscriptionRemediation")
        #expect(prefixed.form == .reversedDomainName)
        #expect(prefixed.value == "org.wi-fi.hotspot2dot0.SubscriptionRemediation")
        let bare = GenericAlertType(" org.example.alert ")
        #expect(bare.form == .bare)
        #expect(bare.value == "org.example.alert")
        #expect(bare.prefixedForm == "Reversed-Domain-Name: org.example.alert")
        let mime = GenericAlertType("Content-Type: application/samplealert")
        #expect(mime.form == .contentType && mime.value == "application/samplealert")
        #expect(mime.prefixedForm == "Content-Type: application/samplealert")
        #expect(
            GenericAlertType("urn:oma:at:lawmo:1.0:OperationComplete").prefixedForm
                == "urn:oma:at:lawmo:1.0:OperationComplete")
    }

    @Test func matching() {
        let type = GenericAlertType("org.example.Alert")
        #expect(type.matches("Reversed-Domain-Name:ORG.EXAMPLE.ALERT"))
        #expect(!type.matches("org.example.alert2"))
        #expect(KnownAlertType(matching: "org.example.alert") == nil)
        #expect(
            KnownAlertType(matching: "org.openmobilealliance.dm.firmwareupdate.devicerequest") == .fumo(.deviceRequest))
        #expect(KnownAlertType.scomo(.operationComplete).canonicalType == "urn:oma:at:scomo:1.0:OperationComplete")
        #expect(KnownAlertType.fumo(.download).managementObject == .fumo)
    }
}
