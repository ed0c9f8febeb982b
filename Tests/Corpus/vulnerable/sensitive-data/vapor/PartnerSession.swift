import CommonCrypto
import Foundation
import Vapor

final class PartnerSessionDelegate: NSObject, URLSessionDelegate {
    func urlSession(_ session: URLSession, didReceive challenge: URLAuthenticationChallenge, completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        guard let trust = challenge.protectionSpace.serverTrust else {
            completionHandler(.performDefaultHandling, nil)
            return
        }
        completionHandler(.useCredential, URLCredential(trust: trust)) // expect: sensitive-data/tls-verification-disabled-swift
    }
}

struct LegacyCrypto {
    let key: [UInt8]

    func algorithm(legacy: Bool) -> CCAlgorithm {
        if legacy {
            return CCAlgorithm(kCCAlgorithmDES) // expect: sensitive-data/weak-cipher-swift
        }
        return CCAlgorithm(kCCAlgorithmAES)
    }
}

func makePartnerClientConfig() -> TLSConfiguration {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.certificateVerification = .none // expect: sensitive-data/tls-verification-disabled-swift
    return tls
}

func makeSecureClientConfig() -> TLSConfiguration {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.certificateVerification = .fullVerification
    return tls
}
