import ArgumentParser

/// Every top-level command group of dmctl. Each group lives in its own file and adds itself here.
enum DmctlCommands {
    static let all: [any ParsableCommand.Type] = [
        SyncMLCommand.self, NotifyCommand.self, DDCommand.self, ContractsCommand.self, BusCommand.self, BenchCommand.self,
        DevicesCommand.self, SessionCommand.self, TreeCommand.self,
    ]
}
