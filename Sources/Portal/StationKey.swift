import Crypto
import Foundation

/// An SSH public key a reviewer handed in, checked before it reaches `authorized_keys`.
public struct StationKey: Sendable, Equatable {
  /// The key type (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, `sk-…`).
  public var type: String
  /// The base64 key blob.
  public var blob: String

  /// Key types OpenSSH accepts in `authorized_keys`.
  static let knownTypes: Set<String> = [
    "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
  ]

  /// Parses one public key line (`TYPE BLOB [comment]`); refuses private keys, several
  /// lines, options before the type and blobs that do not match their type.
  public static func parse(_ text: String) throws -> StationKey {
    if text.contains("PRIVATE KEY") {
      throw PortalError.invalidArgument(
        "that is a private key; give the reviewer's public key (the .pub file) and keep the private key with them")
    }
    let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
    guard lines.count == 1, let line = lines.first else {
      throw PortalError.invalidArgument("the key file must hold exactly one public key line (it has \(lines.count))")
    }
    let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard fields.count >= 2, knownTypes.contains(fields[0]) else {
      throw PortalError.invalidArgument(
        "the key file must start with the key type (such as ssh-ed25519), without options; the forced command and restrictions are added by the station"
      )
    }
    guard let data = Data(base64Encoded: fields[1]), Self.blobType(data) == fields[0] else {
      throw PortalError.invalidArgument(
        "the key's data does not decode as a \(fields[0]) key; copy the .pub file again")
    }
    return StationKey(type: fields[0], blob: fields[1])
  }

  /// Reads and checks a public key file, and has `ssh-keygen -l` confirm it.
  public static func load(file path: String, sshKeygen: String = "/usr/bin/ssh-keygen") throws -> StationKey {
    guard let data = FileManager.default.contents(atPath: path), data.count < 64 * 1024 else {
      throw PortalError.invalidArgument("cannot read the key file \(path) (or it is too large for a public key)")
    }
    let key = try parse(String(decoding: data, as: UTF8.self))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: sshKeygen)
    process.arguments = ["-l", "-f", path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    do {
      try process.run()
    } catch {
      throw PortalError.invalidArgument("cannot run \(sshKeygen) to check the key (install openssh-client)")
    }
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, printed.contains(key.fingerprint) else {
      throw PortalError.invalidArgument(
        "ssh-keygen does not accept \(path) as a public key: \(printed.trimmingCharacters(in: .whitespacesAndNewlines))"
      )
    }
    return key
  }

  /// The key's SHA256 fingerprint as `ssh-keygen -l` prints it.
  public var fingerprint: String {
    guard let data = Data(base64Encoded: blob) else { return "SHA256:?" }
    let digest = Data(SHA256.hash(data: data)).base64EncodedString()
    return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
  }

  /// The type string embedded at the start of a key blob (a length-prefixed string).
  static func blobType(_ data: Data) -> String? {
    let bytes = [UInt8](data)
    guard bytes.count > 4 else { return nil }
    let length = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
    guard length > 0, length < 64, bytes.count >= 4 + length else { return nil }
    return String(bytes: bytes[4..<(4 + length)], encoding: .utf8)
  }
}
