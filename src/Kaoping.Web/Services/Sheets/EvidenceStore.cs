using System.Security.Cryptography;
using Kaoping.Campaigns;
using Kaoping.Data.Audit;
using Kaoping.Data.Evidence;
using Kaoping.Text;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services;

/// <summary>An evidence file as stored: what it is, how big, and its SHA-256 (which is also its name on disk).</summary>
public sealed record StoredFile(EvidenceKind Kind, long Size, string Sha256);

/// <summary>
/// Keeps evidence files under the data directory (never the web root), named by their SHA-256, so one file uploaded
/// twice is kept once. An upload is copied to a temporary file while it is hashed and measured, checked from its
/// content (<see cref="EvidenceInspection"/>: no macros, programs, embedded objects or scripts), and only then moved into place.
/// With <c>Kaoping:Evidence:EncryptionKey</c> set, files are written encrypted (SM4-GCM, <see cref="EvidenceFormat"/>); files
/// stored plain before are still read. The name and the recorded SHA-256 stay those of the plaintext.
/// </summary>
public sealed class EvidenceStore(IOptions<KaopingOptions> options, Instance instance)
{
    public long MaxBytes => options.Value.MaxEvidenceBytes;

    public string Directory => options.Value.EvidenceDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(instance.DataDirectory, "evidence");

    /// <summary>The SM4 key new files are encrypted with; null when evidence is stored plain.</summary>
    public EvidenceKey? Key { get; } = EvidenceKey.Parse(options.Value.Evidence.EncryptionKey);

    /// <summary>Stores the upload; an oversized file or one that is not an allowed kind throws, leaving nothing behind.</summary>
    public async Task<StoredFile> StoreAsync(Stream upload, string? fileName, CancellationToken cancel)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = Path.Combine(Directory, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long size;
            string sha;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
                (size, sha) = await CopyAsync(upload, file, cancel);
            EvidenceKind kind;
            // Inspected as stored: through the decryption when encrypted, so the plaintext never lies on disk.
            await using (var stored = EvidenceFileOpener.OpenRead(temporary, Key))
                kind = EvidenceInspection.Inspect(stored, string.IsNullOrWhiteSpace(fileName) ? "file" : Path.GetFileName(fileName.Replace('\\', '/')));
            var path = PathOf(sha);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                if (!File.Exists(path))
                    File.Move(temporary, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another node of a shared evidence directory stored the same content meanwhile: theirs is as good.
            }
            return new StoredFile(kind, size, sha);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>The plaintext of a stored file (decrypted when it is encrypted).</summary>
    public Stream Open(string sha256) => EvidenceFileOpener.OpenRead(PathOf(sha256), Key);

    /// <summary>
    /// The file, read once through to check it against its name (its SHA-256) and rewound. Missing: null content and no
    /// problem; changed, or encrypted with a key this server does not have: null content and the problem.
    /// </summary>
    public async Task<(Stream? Content, LocalizedText? Problem)> OpenVerifiedAsync(string sha256, CancellationToken cancel)
    {
        Stream? file = null;
        try
        {
            file = Open(sha256);
            if (await EvidenceFiles.Sha256Async(file, cancel) == sha256)
            {
                file.Position = 0;
                return (file, null);
            }
            await file.DisposeAsync();
            return (null, new("文件内容与记录的 SHA-256 不符。", "the file's content does not match its recorded SHA-256."));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null);
        }
        catch (EvidenceCipherException e)
        {
            if (file is not null)
                await file.DisposeAsync();
            return (null, e.Reason);
        }
    }

    /// <summary>Copies the upload to the file (sealed when a key is set) while measuring and hashing its plaintext.</summary>
    private async Task<(long Size, string Sha256)> CopyAsync(Stream upload, FileStream file, CancellationToken cancel)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sealer = Key is null ? null : new EvidenceSealer(file, Key);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await upload.ReadAsync(buffer, cancel)) > 0)
        {
            size += read;
            if (size > MaxBytes)
                throw new EvidenceTooLargeException(MaxBytes);
            hash.AppendData(buffer, 0, read);
            if (sealer is null)
                await file.WriteAsync(buffer.AsMemory(0, read), cancel);
            else
                await sealer.WriteAsync(buffer.AsMemory(0, read), cancel);
        }
        if (size == 0)
            throw new InvalidInputException(new LocalizedText("文件是空的。", "The file is empty."));
        if (sealer is not null)
            await sealer.CompleteAsync(cancel);
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private string PathOf(string sha256) => EvidenceFiles.PathOf(Directory, sha256);
}

public sealed class EvidenceTooLargeException(long maxBytes) : Exception("The evidence file is too large.")
{
    public LocalizedText Reason { get; } = LocalizedText.Format("文件超过{0} MB的上限。", "The file is larger than the {0} MB limit.",
        (maxBytes / 1024m / 1024m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
}
