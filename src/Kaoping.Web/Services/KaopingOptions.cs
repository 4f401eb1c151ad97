namespace Kaoping.Web.Services;

/// <summary>The <c>Kaoping</c> section of the configuration.</summary>
public sealed class KaopingOptions
{
    public const string Section = "Kaoping";

    /// <summary>Where the embedded database and uploaded files live (never under the web root).</summary>
    public string DataDirectory { get; set; } = "data";

    public DemoOptions Demo { get; set; } = new();

    public Accounts.SecurityOptions Security { get; set; } = new();

    /// <summary>The largest rubric file accepted by the import page and API.</summary>
    public long MaxRubricUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest evidence file (佐证材料) accepted: 20 MB unless configured.</summary>
    public long MaxEvidenceBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The largest JSON body the API reads (findings, transitions, users): 1 MB unless configured.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Where evidence files are kept; by default <c>evidence/</c> under <see cref="DataDirectory"/>.</summary>
    public string? EvidenceDirectory { get; set; }

    public EvidenceOptions Evidence { get; set; } = new();

    /// <summary>The office's time zone: deadlines end at midnight there.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The address users open the app at (e.g. <c>https://kaoping.example.gov.cn</c>): links in e-mails start with it.</summary>
    public string? PublicUrl { get; set; }

    public Mail.MailOptions Mail { get; set; } = new();

    public Mail.ReminderOptions Reminders { get; set; } = new();
}

public sealed class EvidenceOptions
{
    /// <summary>Base64 of a 16-byte SM4 key: new evidence files are encrypted at rest with it (<c>Kaoping.Data.Evidence</c>). None: stored plain.</summary>
    public string? EncryptionKey { get; set; }
}

public sealed class DemoOptions
{
    /// <summary>On by default with the embedded SQLite database, off with PostgreSQL.</summary>
    public bool? Enabled { get; set; }

    public string Password { get; set; } = "Kaoping@2018";
}
