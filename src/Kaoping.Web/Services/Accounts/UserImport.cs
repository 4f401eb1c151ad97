using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Kaoping.Web.Services.Spreadsheets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Accounts;

/// <summary>An account the import created, with its one-time initial password (shown once, stored only as its hash).</summary>
public sealed record CreatedAccount(string UserName, string InitialPassword);

public sealed record UserImportAnswer(IReadOnlyList<CreatedAccount> Created, int Unchanged);

/// <summary>
/// Imports the accounts workbook: a new user name creates the account with a random initial password that must be changed
/// at the first sign-in, as a single add does. An existing user name is never changed by an import: a row equal to the
/// account (name, roles, target, e-mail) is passed over — so an exported list imports back unchanged — and a row that differs
/// is refused naming it (roles and targets are changed one by one in the list, where one's own roles are guarded).
/// All rows or none, in one transaction; each account created is written to the security log as a single add is.
/// </summary>
public sealed class UserImport(IServiceScopeFactory scopes, AdminService admin, TimeProvider clock, SecurityLog security)
{
    public async Task<UserImportAnswer> ImportAsync(Stream workbook, string fileName, string actorId, CancellationToken cancel = default)
    {
        var rows = UserWorkbook.Read(workbook, fileName);
        if (rows.Count == 0)
            throw new InvalidInputException(LocalizedText.Format("{0}：表头下没有数据行。", "{0}: there are no rows below the header.", fileName));
        var existing = (await admin.UsersAsync(cancel)).ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        var targets = (await admin.TargetsAsync(cancel)).GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id);
        var fresh = new List<(UserSheetRow Row, int? TargetId)>();
        foreach (var row in rows)
        {
            int? targetId = null;
            if (row.Target is { } name)
                targetId = targets.TryGetValue(name, out var id) ? id
                    : throw Cell(fileName, row.Row, 4, $"：没有名为“{name}”的被考评单位。", $": there is no target named “{name}”.");
            if (!existing.TryGetValue(row.UserName, out var user))
                fresh.Add((row, targetId));
            else if (!Same(user, row))
                throw Cell(fileName, row.Row, 1, $"：已有用户“{user.UserName}”，且与表中不同；导入只新建账号，不修改已有账号，请在用户列表中修改。",
                    $": there is already a user “{user.UserName}” that differs from the row; an import only creates accounts: change it in the list.");
        }
        var created = fresh.Count == 0 ? [] : await CreateAsync(fresh, fileName, cancel);
        var by = existing.Values.FirstOrDefault(u => u.Id == actorId)?.UserName ?? actorId;
        foreach (var (row, _) in fresh)
            await security.RecordAsync(SecurityEventKind.UserCreated, row.UserName, by, detail: UserWorkbook.RoleNames(row.Roles), cancel: cancel);
        return new(created, rows.Count - fresh.Count);
    }

    private async Task<List<CreatedAccount>> CreateAsync(List<(UserSheetRow Row, int? TargetId)> fresh, string fileName, CancellationToken cancel)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaopingUser>>();
        var created = new List<CreatedAccount>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        foreach (var (row, targetId) in fresh)
        {
            var user = new KaopingUser
            {
                UserName = row.UserName, DisplayName = row.DisplayName, CreatedAt = clock.GetUtcNow(), TargetId = targetId, MustChangePassword = true,
                Email = row.Email, NormalizedEmail = row.Email is null ? null : users.NormalizeEmail(row.Email),
            };
            var password = UserAccounts.Temporary();
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
                result = await users.AddToRolesAsync(user, row.Roles.Select(r => r.ToString()));
            if (!result.Succeeded)
            {
                var text = string.Join("；", result.Errors.DistinctBy(e => e.Code).Select(e => IdentityErrors.Text(e).Zh));
                throw Cell(fileName, row.Row, 1, text, string.Join("; ", result.Errors.Select(e => IdentityErrors.Text(e).En)));
            }
            created.Add(new(user.UserName, password));
        }
        await transaction.CommitAsync(cancel);
        return created;
    }

    private static bool Same(UserRow user, UserSheetRow row) =>
        user.DisplayName == row.DisplayName && user.Roles.ToHashSet().SetEquals(row.Roles) && user.Target == row.Target
        && (user.Email ?? "") == (row.Email ?? "");

    private static InvalidInputException Cell(string fileName, int row, int column, string zh, string en) =>
        XlsxTable.CellError(fileName, row, column, UserWorkbook.Headers[column - 1], zh, en);
}
