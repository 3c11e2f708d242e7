import SyncML

/// Answers the UI alerts 1100-1104 as the device's user policy says.
enum UIAlertResponder {
    /// The status code and Status Items for a UI alert.
    static func respond(to alert: AlertCommand, policy: UIPolicy) -> (code: Int, items: [Item]) {
        let options = parseOptions(alert.items.first?.data?.string ?? "")
        let code = alert.code ?? 0
        let choiceCount = max(0, alert.items.count - 2)
        switch (code, policy.response) {
        case (1100, _):
            return (200, [])
        case (1101, .accept):
            return (200, [])
        case (1101, .reject):
            return (304, [])
        case (1101, .timeout):
            switch options["DR"] {
            case "1": return (200, [])
            case "0": return (304, [])
            default: return (408, [])
            }
        case (1102, .accept):
            var text = policy.textInput ?? options["DR"] ?? defaultInput(options["IT"])
            if let max = options["MAXLEN"].flatMap(Int.init), text.count > max { text = String(text.prefix(max)) }
            return (200, [Item(data: .text(text))])
        case (1103, .accept):
            let pick = policy.choices?.first ?? options["DR"].flatMap(Int.init) ?? 1
            guard choiceCount > 0 else { return (416, []) }
            return (200, [Item(data: .text(String(min(max(pick, 1), choiceCount))))])
        case (1104, .accept):
            let picks =
                policy.choices ?? options["DR"].map { $0.split(separator: "-").compactMap { Int($0) } } ?? [1]
            guard choiceCount > 0 else { return (416, []) }
            let valid = picks.filter { (1...choiceCount).contains($0) }
            return (200, valid.map { Item(data: .text(String($0))) })
        case (1102...1104, .reject):
            return (214, [])
        case (1102...1104, .timeout):
            return (408, [])
        default:
            return (406, [])
        }
    }

    /// The `key=value&...` option string of a UI alert's first Item, URL-decoded.
    static func parseOptions(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let key = parts.first else { continue }
            result[String(key).uppercased()] = parts.count > 1 ? urlDecode(String(parts[1])) : ""
        }
        return result
    }

    private static func defaultInput(_ inputType: String?) -> String {
        switch inputType?.uppercased() {
        case "N": "123456"
        case "D": "01012025"
        case "T": "120000"
        case "P": "+15550100"
        case "I": "192.0.2.1"
        default: "ok"
        }
    }

    private static func urlDecode(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
