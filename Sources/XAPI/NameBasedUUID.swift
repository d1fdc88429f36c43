/// SHA-1 of a byte sequence, as 20 bytes. Used only to make name-based UUIDs (RFC 9562 version 5),
/// where it is what the standard asks for; it is not used for anything secret.
public enum SHA1 {
    /// The 20-byte SHA-1 digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        var message = Array(bytes)
        let bitLength = UInt64(message.count) &* 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            message.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: message.count, by: 64) {
            for i in 0..<16 {
                let j = chunk + i * 4
                w[i] = UInt32(message[j]) << 24 | UInt32(message[j + 1]) << 16 | UInt32(message[j + 2]) << 8 | UInt32(message[j + 3])
            }
            for i in 16..<80 {
                w[i] = rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1)
            }
            var (a, b, c, d, e) = h
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
                default: f = b ^ c ^ d; k = 0xCA62_C1D6
                }
                let t = rotate(a, 5) &+ f &+ e &+ k &+ w[i]
                e = d
                d = c
                c = rotate(b, 30)
                b = a
                a = t
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
        var out: [UInt8] = []
        out.reserveCapacity(20)
        for word in [h.0, h.1, h.2, h.3, h.4] {
            out += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
        }
        return out
    }

    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x << n) | (x >> (32 - n))
    }
}

/// Name-based UUIDs (RFC 9562 version 5): the same namespace and name always give the same UUID, so
/// exporting the same call twice gives the same statement ids and registration.
public enum NameBasedUUID {
    /// The standard namespace for names that are URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
    public static let urlNamespace: [UInt8] = [0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]
    /// The standard namespace for names that are domain names (`6ba7b810-9dad-11d1-80b4-00c04fd430c8`).
    public static let dnsNamespace: [UInt8] = [0x6B, 0xA7, 0xB8, 0x10, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]

    /// CallDojo's own namespace: the version 5 UUID of the URL `https://calldojo.invalid/xapi`.
    public static let callDojoNamespace: [UInt8] = bytes(namespace: urlNamespace, name: "https://calldojo.invalid/xapi")

    /// The 16 bytes of the version 5 UUID for `name` (UTF-8) in `namespace` (16 bytes).
    public static func bytes(namespace: [UInt8], name: String) -> [UInt8] {
        var digest = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return digest
    }

    /// The version 5 UUID for `name` in `namespace`, as lowercase text (`xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx`).
    public static func make(namespace: [UInt8] = callDojoNamespace, name: String) -> String {
        format(bytes(namespace: namespace, name: name))
    }

    /// Formats 16 bytes as a UUID in lowercase hex with hyphens.
    public static func format(_ bytes: [UInt8]) -> String {
        let hex = "0123456789abcdef".map { $0 }
        var out = ""
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append("-") }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return out
    }

    /// Whether `text` is a UUID in the form xAPI accepts (8-4-4-4-12 hex digits, variant 10xx).
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        guard parts.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) else { return false }
        guard let variant = parts[3].first else { return false }
        return "89abAB".contains(variant)
    }
}
