using System;
using System.Net.Http;
using System.Security.Cryptography;

namespace Shop.Services;

public class TokenService
{
    private static readonly Random _random = new Random();

    public string NewResetCode()
    {
        var code = _random.Next(0, 1000000).ToString("D6"); // expect: sensitive-data/insecure-random-csharp
        return code;
    }

    public string NewSessionToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return token;
    }

    public int RetryDelayMs() => _random.Next(100, 500);

    public byte[] EncryptLegacy(byte[] data, byte[] key, byte[] iv)
    {
        using var tdes = TripleDES.Create(); // expect: sensitive-data/weak-cipher-csharp
        tdes.Key = key;
        tdes.IV = iv;
        return tdes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }

    public byte[] EncryptBlock(byte[] data, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        aes.Mode = CipherMode.ECB; // expect: sensitive-data/weak-cipher-csharp
        return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }

    public HttpClient PartnerClient()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true, // expect: sensitive-data/tls-verification-disabled-csharp
        };
        return new HttpClient(handler);
    }
}
