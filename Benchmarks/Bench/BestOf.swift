import Foundation

/// Best wall time of `repetitions` runs of `body`, and the last run's result.
func bestOf(_ repetitions: Int, _ body: () -> Int) -> (seconds: Double, result: Int) {
    var fastest = Double.infinity
    var result = 0
    for _ in 0..<max(1, repetitions) {
        let start = DispatchTime.now().uptimeNanoseconds
        result = body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (fastest, result)
}
