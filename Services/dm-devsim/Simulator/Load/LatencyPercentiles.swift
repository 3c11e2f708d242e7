import Histogram

extension Histogram {
    /// Latencies recorded in microseconds as milliseconds by percentile name (`p50`, `p90`, `p99`, `p99.9`...), plus
    /// `max`; empty when nothing was recorded.
    func milliseconds(at percentiles: [(name: String, percentile: Double)]) -> [String: Double] {
        guard totalCount > 0 else { return [:] }
        var latency: [String: Double] = ["max": Double(max) / 1000]
        for (name, percentile) in percentiles {
            latency[name] = Double(valueAtPercentile(percentile)) / 1000
        }
        return latency
    }
}
