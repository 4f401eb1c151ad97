using Kaoping.Campaigns;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Text;
using Kaoping.Web.Services.Accounts;

namespace Kaoping.Web.Services.Spreadsheets;

/// <summary>An account read from the workbook: its row, user name, name, roles, target's name (reporters) and e-mail address.</summary>
public sealed record UserSheetRow(int Row, string UserName, string DisplayName, IReadOnlySet<Role> Roles, string? Target, string? Email);

/// <summary>
/// The accounts workbook (用户名, 姓名, 角色, 所属单位, 电子邮箱): the template and the export are the same sheet, never with a
/// password. Roles are written as the pages show them (填报员; 安委办管理员、系统管理员 for the one who holds both).
/// </summary>
public static class UserWorkbook
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Each new account's password is hashed on purpose slowly; 500 accounts take about a minute.</summary>
    public const int MaxRows = 500;

    public const int MaxUserName = 256, MaxDisplayName = 100;

    public static readonly IReadOnlyList<string> Headers = ["用户名", "姓名", "角色", "所属单位", "电子邮箱"];

    public static byte[] Write(IEnumerable<UserRow> users)
    {
        var sheet = new XlsxSheet("用户", [20, 16, 26, 28, 30]) { PrintTitleRows = (1, 1) };
        sheet.AddRow([.. Headers.Select(h => XlsxCell.Of(h, XlsxStyle.Header))]);
        foreach (var u in users)
            sheet.AddRow(XlsxCell.Of(u.UserName), XlsxCell.Of(u.DisplayName), XlsxCell.Of(RoleNames(u.Roles)), XlsxCell.Of(u.Target ?? ""),
                XlsxCell.Of(u.Email ?? ""));
        using var output = new MemoryStream();
        XlsxBook.Write(output, sheet);
        return output.ToArray();
    }

    public static string RoleNames(IEnumerable<Role> roles) => string.Join("、", roles.Order().Select(r => r.Chinese()));

    public static IReadOnlyList<UserSheetRow> Read(Stream stream, string fileName)
    {
        var read = new List<UserSheetRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (number, cells) in XlsxTable.Read(stream, fileName, Headers, MaxBytes, MaxRows))
        {
            var userName = cells[0];
            if (userName.Length == 0)
                throw Cell(fileName, number, 1, "是空的，请填写用户名。", "is empty; fill in the user name.");
            if (userName.Length > MaxUserName || !userName.All(c => char.IsAsciiLetterOrDigit(c) || "-._@+".Contains(c)))
                throw Cell(fileName, number, 1, $"“{Short(userName)}”不可用：用户名只能包含字母、数字和 -._@+，不超过{MaxUserName}个。",
                    $"“{Short(userName)}” cannot be used: letters, digits and -._@+ only, at most {MaxUserName}.");
            if (seen.TryGetValue(userName, out var earlier))
                throw XlsxTable.Error(fileName, "第{1}行第1列（A列，用户名）：“{2}”与第{3}行重复。", "row {1}, column 1 (A, user name): “{2}” repeats row {3}.",
                    number, userName, earlier);
            seen[userName] = number;
            if (cells[1].Length > MaxDisplayName)
                throw Cell(fileName, number, 2, $"超过{MaxDisplayName}字。", $"is longer than {MaxDisplayName} characters.");
            var roles = Roles(fileName, number, cells[2]);
            var target = cells[3].Length == 0 ? null : cells[3];
            if (roles.Contains(Role.Reporter) != target is not null)
                throw roles.Contains(Role.Reporter) ? Cell(fileName, number, 4, "是空的：填报员必须填写所属单位。", "is empty: a reporter belongs to a target.")
                    : Cell(fileName, number, 4, "只有填报员有所属单位，请留空。", "only a reporter belongs to a target; leave it empty.");
            var email = cells[4].Length == 0 ? null : cells[4];
            if (email is not null && (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
                throw Cell(fileName, number, 5, $"“{Short(email)}”不是有效的邮箱地址。", $"“{Short(email)}” is not a valid e-mail address.");
            read.Add(new UserSheetRow(number, userName, cells[1], roles, target, email));
        }
        return read;
    }

    private static IReadOnlySet<Role> Roles(string fileName, int row, string text)
    {
        var roles = new HashSet<Role>();
        foreach (var name in text.Split(['、', ',', '，', '+'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var role = Enum.GetValues<Role>().Where(r => r.Chinese() == name).Cast<Role?>().FirstOrDefault()
                ?? throw Cell(fileName, row, 3, $"“{Short(name)}”不是角色；应是{Choices}之一。", $"“{Short(name)}” is not a role; use one of {Choices}.");
            roles.Add(role);
        }
        try
        {
            return RoleSet.Check(roles, targetId: 0); // whether a reporter has a target is checked on its own column
        }
        catch (AccountRefusedException e)
        {
            throw Cell(fileName, row, 3, "：" + e.Text.Zh, ": " + e.Text.En);
        }
    }

    private static string Choices => string.Join("、", Enum.GetValues<Role>().Select(r => r.Chinese()));

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static InvalidInputException Cell(string fileName, int row, int column, string zh, string en) =>
        XlsxTable.CellError(fileName, row, column, Headers[column - 1], zh, en);
}
