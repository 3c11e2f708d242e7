/// Everything the node's thread needs to create a socket.
struct SocketSpec: Sendable {
    enum Kind: Sendable {
        case publisher, subscriber, router, dealer, pair
    }

    enum Endpoint: Sendable {
        case bind(String)
        case connect(String)
    }

    enum Security: Sendable {
        case none
        case server(CurveServerSecurity)
        case client(CurveClientSecurity)
    }

    var kind: Kind
    var endpoint: Endpoint
    var options: BusSocketOptions
    var security: Security = .none
    var subscriptions: [[UInt8]] = []
    var routingID: [UInt8]? = nil
    var delivery: Delivery = .none
}

/// Where a socket's received messages go.
enum Delivery: Sendable {
    /// The socket receives nothing the node reads (a publisher).
    case none
    /// Two-frame events for a subscriber.
    case events(EventSink)
    /// ROUTER messages: the routing id frame, then the body.
    case routed(BusInbox<RoutedMessage>)
    /// Plain multi-part messages (a dealer).
    case frames(BusInbox<[[UInt8]]>)
    /// Called on the node's thread for each message (the proxy's control replies).
    case handler(@Sendable ([[UInt8]]) -> Void)

    /// Ends the consumer's sequence when the socket closes.
    func finish() {
        switch self {
        case .none, .handler: break
        case .events(let sink): sink.inbox.finish()
        case .routed(let inbox): inbox.finish()
        case .frames(let inbox): inbox.finish()
        }
    }
}
