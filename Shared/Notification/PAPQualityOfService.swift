/// The `quality-of-service` element of a PAP push message: how the push proxy gateway should deliver.
///
/// Kannel's PPG sends over SMS only when the bearer is required to be SMS (and the network GSM); otherwise it
/// assumes an IP bearer. ``smsOverGSM`` asks for exactly that.
public struct PAPQualityOfService: Sendable, Hashable {
    /// Delivery priority.
    public enum Priority: String, Sendable, Hashable, CaseIterable {
        /// Deliver before medium and low pushes.
        case high
        /// The default priority.
        case medium
        /// Deliver when nothing more urgent is waiting.
        case low
    }

    /// Whether the device must confirm receipt.
    public enum DeliveryMethod: String, Sendable, Hashable, CaseIterable {
        /// The device must confirm (WSP confirmed push).
        case confirmed
        /// Confirmed when the device supports it, else unconfirmed.
        case preferconfirmed
        /// No confirmation (a connectionless push; what SMS WAP Push uses).
        case unconfirmed
        /// The PPG chooses.
        case notspecified
    }

    /// The `priority` attribute, or nil to leave it out.
    public var priority: Priority?
    /// The `delivery-method` attribute, or nil to leave it out.
    public var deliveryMethod: DeliveryMethod?
    /// The `network` attribute (`GSM`, `ANSI-136`, `IS-95 CDMA`...), or nil.
    public var network: String?
    /// The `network-required` attribute, or nil.
    public var networkRequired: Bool?
    /// The `bearer` attribute (`SMS`, `GPRS`, `Any`...), or nil.
    public var bearer: String?
    /// The `bearer-required` attribute, or nil.
    public var bearerRequired: Bool?

    /// Creates a quality-of-service element; every attribute is optional.
    public init(
        priority: Priority? = nil, deliveryMethod: DeliveryMethod? = nil, network: String? = nil,
        networkRequired: Bool? = nil, bearer: String? = nil, bearerRequired: Bool? = nil
    ) {
        self.priority = priority
        self.deliveryMethod = deliveryMethod
        self.network = network
        self.networkRequired = networkRequired
        self.bearer = bearer
        self.bearerRequired = bearerRequired
    }

    /// Unconfirmed delivery by SMS over GSM, both required: what a WAP Push of package #0 needs.
    public static let smsOverGSM = PAPQualityOfService(
        deliveryMethod: .unconfirmed, network: "GSM", networkRequired: true, bearer: "SMS", bearerRequired: true)

    /// The attributes in document order, leaving out those that are nil.
    var attributes: [(String, String)] {
        var result: [(String, String)] = []
        if let priority { result.append(("priority", priority.rawValue)) }
        if let deliveryMethod { result.append(("delivery-method", deliveryMethod.rawValue)) }
        if let network { result.append(("network", network)) }
        if let networkRequired { result.append(("network-required", networkRequired ? "true" : "false")) }
        if let bearer { result.append(("bearer", bearer)) }
        if let bearerRequired { result.append(("bearer-required", bearerRequired ? "true" : "false")) }
        return result
    }
}
