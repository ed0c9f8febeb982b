/// Calls of the password-hashing APIs of each language's usual libraries (bcrypt, argon2, scrypt,
/// PBKDF2 and the frameworks' hashers). A project whose code makes one stores password hashes:
/// its `password` column holds what they return, not what users typed.
enum PasswordHashing {
    static let calls: [String] = [
        // Go
        "bcrypt.GenerateFromPassword", "argon2.IDKey", "argon2.Key(", "scrypt.Key(", "pbkdf2.Key(",
        // Python
        "make_password(", "generate_password_hash(", "bcrypt.hashpw(", "PasswordHasher(", "CryptContext(",
        "pbkdf2_hmac(", "hashlib.scrypt(",
        // JavaScript and TypeScript
        "bcrypt.hash(", "bcrypt.hashSync(", "bcryptjs", "argon2.hash(", "scryptSync(", "pbkdf2Sync(",
        // PHP
        "password_hash(", "Hash::make(",
        // Ruby
        "has_secure_password", "BCrypt::Password.create", "devise :database_authenticatable",
        // Java and Kotlin
        "BCryptPasswordEncoder", "Argon2PasswordEncoder", "Pbkdf2PasswordEncoder", "SCryptPasswordEncoder",
        "BCrypt.hashpw(", "passwordEncoder.encode(", "PasswordService.createHash(",
        // C#
        "PasswordHasher<", "BCrypt.Net", "Rfc2898DeriveBytes", "KeyDerivation.Pbkdf2(",
        // Swift
        "Bcrypt.hash(",
        // A project's own wrapper that encrypts passwords before storing them: reversible, but
        // the column does not hold what users typed either.
        "encryptPassword(", "EncryptPassword(", "encrypt_password(",
    ]

    /// Whether `bytes` (a code file) calls one of them. Every call names one of a few words, so
    /// most files are ruled out in those few passes.
    static func isCalled(in bytes: [UInt8]) -> Bool {
        guard ["crypt", "hash", "argon", "pbkdf", "rfc2898", "devise", "passwordencoder"].contains(where: { ByteSearch.containsCaseInsensitive(bytes, $0) })
        else { return false }
        return calls.contains { ByteSearch.contains(bytes, $0) }
    }
}
