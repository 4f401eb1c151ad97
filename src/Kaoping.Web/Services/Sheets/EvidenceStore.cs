using System.Security.Cryptography;
using Kaoping.Campaigns;
using Kaoping.Data.Audit;
using Kaoping.Text;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services;

/// <summary>An evidence file as stored: what it is, how big, and its SHA-256 (which is also its name on disk).</summary>
public sealed record StoredFile(EvidenceKind Kind, long Size, string Sha256);

/// <summary>
/// Keeps evidence files under the data directory (never the web root), named by their SHA-256, so one file uploaded
/// twice is kept once. An upload is copied to a temporary file while it is hashed and measured, checked from its
/// content (<see cref="EvidenceInspection"/>: no macros, programs, embedded objects or scripts), and only then moved into place.
/// </summary>
public sealed class EvidenceStore(IOptions<KaopingOptions> options, Instance instance)
{
    public long MaxBytes => options.Value.MaxEvidenceBytes;

    public string Directory => options.Value.EvidenceDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(instance.DataDirectory, "evidence");

    /// <summary>Stores the upload; an oversized file or one that is not an allowed kind throws, leaving nothing behind.</summary>
    public async Task<StoredFile> StoreAsync(Stream upload, string? fileName, CancellationToken cancel)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = Path.Combine(Directory, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long size;
            string sha;
            EvidenceKind kind;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await upload.ReadAsync(buffer, cancel)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                        throw new EvidenceTooLargeException(MaxBytes);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancel);
                }
                if (size == 0)
                    throw new InvalidInputException(new LocalizedText("文件是空的。", "The file is empty."));
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                kind = EvidenceInspection.Inspect(file, string.IsNullOrWhiteSpace(fileName) ? "file" : Path.GetFileName(fileName.Replace('\\', '/')));
            }
            var path = PathOf(sha);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
                File.Delete(temporary);
            else
                File.Move(temporary, path);
            return new StoredFile(kind, size, sha);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    public Stream Open(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    /// <summary>The file, read once through to check it against its name (its SHA-256) and rewound; null when it is missing or changed.</summary>
    public async Task<Stream?> OpenVerifiedAsync(string sha256, CancellationToken cancel)
    {
        Stream file;
        try
        {
            file = Open(sha256);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        if (await EvidenceFiles.Sha256Async(file, cancel) == sha256)
        {
            file.Position = 0;
            return file;
        }
        await file.DisposeAsync();
        return null;
    }

    private string PathOf(string sha256) => EvidenceFiles.PathOf(Directory, sha256);
}

public sealed class EvidenceTooLargeException(long maxBytes) : Exception("The evidence file is too large.")
{
    public LocalizedText Reason { get; } = LocalizedText.Format("文件超过{0} MB的上限。", "The file is larger than the {0} MB limit.",
        (maxBytes / 1024m / 1024m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
}
