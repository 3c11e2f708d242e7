/// Where a fleet keeps its devices between runs (``SQLiteDeviceStore``, or nothing).
public protocol DeviceStoring: Sendable {
    func loadAll() async throws -> [SimulatedDevice]
    func save(_ device: SimulatedDevice) async throws
    func saveAll(_ devices: [SimulatedDevice]) async throws
}
