using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Kaoping.Data;
using Kaoping.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Kaoping.Web.Deployment;

/// <summary>
/// Data Protection keys (they sign cookies and bearer tokens) kept in the database, so every node shares them, and
/// encrypted there: with a certificate (<c>Kaoping:DataProtection:CertificatePath</c>, <c>…:CertificatePassword</c>) or
/// a configured 256-bit key (<c>Kaoping:DataProtection:Key</c>, base64). Production refuses to start with neither.
/// </summary>
public static class KeyProtection
{
    public const string CertificatePath = "Kaoping:DataProtection:CertificatePath";
    public const string CertificatePassword = "Kaoping:DataProtection:CertificatePassword";
    public const string Key = "Kaoping:DataProtection:Key";

    public static void AddKaopingDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().PersistKeysToDbContext<KaopingDbContext>().SetApplicationName("Kaoping");
        if (configuration[CertificatePath] is { Length: > 0 } path)
        {
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePassword]);
            }
            catch (CryptographicException e)
            {
                throw new StartupFailure(LocalizedText.Format("{0}：无法读取证书“{1}”：{2}", "{0}: the certificate “{1}” cannot be read: {2}",
                    CertificatePath, path, e.Message));
            }
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (configuration[Key] is { Length: > 0 })
        {
            _ = KeyEncryption.KeyFrom(configuration);
            services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlEncryptor = new KeyEncryption(configuration));
        }
        else if (environment.IsProduction())
        {
            throw new StartupFailure(LocalizedText.Format("生产环境须设置 {0}（证书）或 {1}（密钥）来加密存放的 Data Protection 密钥。",
                "Production needs {0} (a certificate) or {1} (a key) to encrypt the stored Data Protection keys.", CertificatePath, Key));
        }
    }
}

/// <summary>Encrypts a key's XML with AES-256-GCM under the configured key; <see cref="KeyDecryption"/> reads it back.</summary>
public sealed class KeyEncryption(IConfiguration configuration) : IXmlEncryptor
{
    public static byte[] KeyFrom(IConfiguration configuration)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configuration[KeyProtection.Key] ?? "");
        }
        catch (FormatException)
        {
            key = [];
        }
        return key.Length == 32 ? key : throw new StartupFailure(LocalizedText.Format("{0} 须是 32 字节（256 位）密钥的 base64 形式（例如 openssl rand -base64 32）。",
            "{0} must be a 32-byte (256-bit) key in base64 (e.g. openssl rand -base64 32).", KeyProtection.Key));
    }

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var sealedText = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(KeyFrom(configuration), tag.Length))
            aes.Encrypt(nonce, plain, sealedText, tag);
        var element = new XElement("encryptedKey", new XComment(" AES-256-GCM under Kaoping:DataProtection:Key "),
            new XElement("nonce", Convert.ToBase64String(nonce)), new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(sealedText)));
        return new EncryptedXmlInfo(element, typeof(KeyDecryption));
    }
}

/// <summary>Made by Data Protection from the type name stored with each key, with the app's services.</summary>
public sealed class KeyDecryption(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? "");
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? "");
        var sealedText = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plain = new byte[sealedText.Length];
        using (var aes = new AesGcm(KeyEncryption.KeyFrom(services.GetRequiredService<IConfiguration>()), tag.Length))
            aes.Decrypt(nonce, sealedText, tag, plain);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}
