using System.Security.Cryptography;
using System.Text.Json;
using Kaoping.Text;

namespace Kaoping.Cli.Backup;

public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>
/// <c>manifest.json</c> of a backup: the database provider, when it was made, and every file with its size and SHA-256,
/// paths relative to the backup directory with <c>/</c>. A restore checks all of it before it changes anything.
/// </summary>
public sealed record BackupManifest(int Format, string Provider, DateTimeOffset CreatedAt, IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    private const long MaxManifestBytes = 64 * 1024 * 1024;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true, MaxDepth = 8 };

    public static BackupManifest Of(string directory, string provider, DateTimeOffset createdAt) =>
        new(1, provider, createdAt, [.. FilesUnder(directory).Select(path => Describe(directory, path))]);

    public void Write(string directory) => File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, s_json));

    /// <summary>Reads the manifest and proves every file: none missing, none added, none changed. The first difference is named.</summary>
    public static BackupManifest ReadVerified(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new InvalidInputException(LocalizedText.Format("“{0}”不是备份：没有 {1}。", "“{0}” is not a backup: it has no {1}.", directory, FileName));
        if (new FileInfo(path).Length > MaxManifestBytes)
            throw new InvalidInputException(LocalizedText.Format("{0} 过大。", "{0} is too large.", path));
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(LocalizedText.Format("{0} 无法读取：{1}", "{0} cannot be read: {1}", path, e.Message));
        }
        if (manifest is not { Format: 1, Files: not null, Provider: not null })
            throw new InvalidInputException(LocalizedText.Format("{0} 不是本程序的备份清单。", "{0} is not a Kaoping backup manifest.", path));
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (file.Path is null || file.Path.Contains("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(file.Path) || !listed.Add(file.Path))
                throw new InvalidInputException(LocalizedText.Format("备份清单中的路径“{0}”无效。", "the manifest lists an invalid path “{0}”.", file.Path));
            var full = System.IO.Path.Combine(directory, file.Path);
            if (!File.Exists(full))
                throw Tampered(file.Path, "缺少此文件", "the file is missing");
            var actual = Describe(directory, full);
            if (actual.Size != file.Size || !string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                throw Tampered(file.Path, "内容与清单中的 SHA-256 不符", "its content does not match the manifest's SHA-256");
        }
        var extra = FilesUnder(directory).Select(f => Relative(directory, f)).FirstOrDefault(f => !listed.Contains(f));
        if (extra is not null)
            throw Tampered(extra, "此文件不在清单中", "the file is not in the manifest");
        return manifest;
    }

    private static InvalidInputException Tampered(string file, string zh, string en) =>
        new(LocalizedText.Format("备份已被改动，拒绝恢复：{0}（{1}）。", "the backup has been altered; nothing restored: {0} ({1}).", file, new LocalizedText(zh, en)));

    private static IEnumerable<string> FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Relative(directory, f) != FileName).Order(StringComparer.Ordinal);

    private static string Relative(string directory, string path) => System.IO.Path.GetRelativePath(directory, path).Replace('\\', '/');

    private static BackupFile Describe(string directory, string path)
    {
        using var stream = File.OpenRead(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new(Relative(directory, path), stream.Length, sha);
    }
}
