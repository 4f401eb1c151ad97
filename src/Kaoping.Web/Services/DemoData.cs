using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>
/// What the first run needs: the roles and the built-in rubric always; in demo mode also Xuchang's targets, demo users
/// and a demo campaign with realistic findings on a few sheets.
/// </summary>
public sealed class DemoData(KaopingDbContext db, UserManager<KaopingUser> users, RoleManager<IdentityRole> roles, TimeProvider clock,
    OfficeCalendar calendar, RubricLibrary rubrics, Schemes.SchemeLibrary schemes, ILogger<DemoData> log)
{
    public const string CampaignName = "2018年度县（市、区）安全生产工作责任目标考评（演示）";
    public const string BuiltInSource = BuiltInRubrics.Prefix + BuiltInRubrics.County2018;

    /// <summary>The region of the demo's targets: the city office's own.</summary>
    public const string DemoRegion = "许昌市";

    public static readonly (string Name, string Kind)[] XuchangTargets =
    [
        ("禹州市", "县（市）"), ("长葛市", "县（市）"), ("鄢陵县", "县（市）"), ("襄城县", "县（市）"), ("魏都区", "区"),
        ("建安区", "区"), ("城乡一体化示范区", "功能区"), ("东城区", "功能区"), ("经济技术开发区", "功能区"),
    ];

    public async Task EnsureBaseAsync(CancellationToken cancel = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role.ToString()))
                await roles.CreateAsync(new IdentityRole(role.ToString()));
        }
        await rubrics.StoreBuiltInAsync(BuiltInRubrics.County2018, "kaoping", cancel);
    }

    public async Task EnsureDemoAsync(string password, CancellationToken cancel = default)
    {
        if (await db.Campaigns.AnyAsync(c => c.Name == CampaignName, cancel))
            return;
        foreach (var (name, kind) in XuchangTargets)
        {
            if (!await db.Targets.AnyAsync(t => t.Name == name, cancel))
                db.Targets.Add(new Target { Name = name, Kind = kind, Region = DemoRegion });
        }
        await db.SaveChangesAsync(cancel);
        var target = await db.Targets.ToDictionaryAsync(t => t.Name, t => t.Id, cancel);

        var admin = await User("admin", "市安委办 管理员", Role.Admin, null, password);
        var assessor1 = await User("assessor1", "张考评（第一考评组）", Role.Assessor, null, password);
        var assessor3 = await User("assessor3", "刘考评（第一考评组）", Role.Assessor, null, password);
        var assessor2 = await User("assessor2", "李考评（第二考评组）", Role.Assessor, null, password);
        await User("yuzhou", "禹州市应急管理局 填报员", Role.Reporter, target["禹州市"], password);
        await User("changge", "长葛市应急管理局 填报员", Role.Reporter, target["长葛市"], password);
        await User("yanling", "鄢陵县应急管理局 填报员", Role.Reporter, target["鄢陵县"], password);
        await User("leader", "市政府 分管领导", Role.Leader, null, password);
        await User("sysadmin", "信息中心 系统管理员", Role.SystemAdmin, null, password);
        await User("auditor", "信息中心 安全审计员", Role.Auditor, null, password);

        var stored = await db.Rubrics.FirstAsync(r => r.SourceName == BuiltInSource, cancel);
        var rubric = TextRubricReader.Read(stored.SourceText, BuiltInSource);
        var today = calendar.Today;
        var office = new Caller(admin, Role.Admin, null, new HashSet<int>());
        var schemeId = await DemoScheme.EnsureAsync(rubrics, schemes, office, cancel);
        var team1 = new Team { Name = "第一考评组", Members = [new() { UserId = assessor1 }, new() { UserId = assessor3 }] };
        var team2 = new Team { Name = "第二考评组", Members = [new() { UserId = assessor2 }] };
        var campaign = new Campaign
        {
            Name = CampaignName, Year = 2018, RubricId = stored.Id, SchemeId = schemeId, CreatedAt = clock.GetUtcNow(),
            SelfAssessmentDue = today.AddDays(-7), AssessmentDue = today.AddDays(14), ReviewDue = today.AddDays(21),
            ApprovalDue = today.AddDays(30), AppealDue = today.AddDays(40),
            Teams = [team1, team2],
        };
        foreach (var (name, _) in XuchangTargets)
        {
            var team = name is "禹州市" or "长葛市" or "鄢陵县" or "襄城县" ? team1 : team2;
            campaign.Sheets.Add(new Sheet { TargetId = target[name], Team = team, State = SheetState.NotStarted });
        }
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancel);
        db.AccidentStatistics.AddRange(DemoScheme.Statistics(campaign.Id, target, clock.GetUtcNow()));

        var now = clock.GetUtcNow();
        foreach (var sheet in campaign.Sheets)
        {
            var name = XuchangTargets.First(t => target[t.Name] == sheet.TargetId).Name;
            var reporter = name switch { "禹州市" => "yuzhou", "长葛市" => "changge", "鄢陵县" => "yanling", _ => null };
            var assessor = sheet.Team == team1 ? "assessor1" : "assessor2";
            if (reporter is not null)
            {
                sheet.Move(SheetAction.StartSelfAssessment, SheetState.SelfAssessing, null, "admin", now);
                foreach (var (item, findings, remark) in SelfFindings(name))
                    SheetItems.Change(rubric, sheet, FindingSide.Self, item, findings, remark, AuditKind.SelfAssessment, null, reporter, now);
                sheet.Move(SheetAction.SubmitSelfAssessment, SheetState.SelfAssessed, null, reporter, now);
            }
            else if (name is "城乡一体化示范区" or "东城区" or "经济技术开发区")
            {
                // The functional zones have not handed in their self-assessment: late on the board.
                sheet.Move(SheetAction.StartSelfAssessment, SheetState.SelfAssessing, null, "admin", now);
                continue;
            }
            sheet.Move(SheetAction.StartAssessment, SheetState.Assessing, null, assessor, now);
            foreach (var (item, findings, remark) in DemoFindings(name))
                SheetItems.Change(rubric, sheet, FindingSide.Team, item, findings, remark, AuditKind.Findings, null, assessor, now);
            // 鄢陵县 went the whole way: its results are published and open to appeal.
            if (name == "鄢陵县")
            {
                sheet.Move(SheetAction.SubmitAssessment, SheetState.Assessed, null, assessor, now);
                sheet.Move(SheetAction.Review, SheetState.Reviewed, null, "admin", now);
                sheet.Move(SheetAction.Approve, SheetState.Approved, null, "admin", now);
                sheet.Move(SheetAction.Publish, SheetState.Published, null, "admin", now);
            }
        }
        await db.SaveChangesAsync(cancel);
        log.LogInformation("Demo campaign created with users admin, assessor1, assessor2, assessor3, yuzhou, changge, yanling, leader ({Admin})", admin);
    }

    private static ItemKey K(int c, int s, int i) => new(c, s, i);

    /// <summary>What the targets found against themselves: usually less than the team will.</summary>
    private static IEnumerable<(ItemKey, IReadOnlyList<Finding>, string?)> SelfFindings(string target)
    {
        switch (target)
        {
            case "禹州市":
                yield return (K(1, 1, 2), [new ClauseFinding(K(1, 1, 2), 1, 1)], "全年政府常务会研究安全生产3次，少1次");
                yield return (K(4, 2, 1), [new ClauseFinding(K(4, 2, 1), 2, 1)], null);
                break;
            case "长葛市":
                yield return (K(1, 1, 2), [new ClauseFinding(K(1, 1, 2), 1, 1)], "政府常务会全年研究安全生产3次");
                break;
            case "鄢陵县":
                yield return (K(2, 1, 1), [new ClauseFinding(K(2, 1, 1), 3)], "一般行业执法覆盖率未达30%");
                break;
        }
    }

    private static IEnumerable<(ItemKey, IReadOnlyList<Finding>, string?)> DemoFindings(string target)
    {
        switch (target)
        {
            case "长葛市":
                yield return (K(1, 1, 2), [new ClauseFinding(K(1, 1, 2), 1, 1)], "政府常务会全年研究安全生产3次");
                yield return (K(3, 2, 2), [new ClauseFinding(K(3, 2, 2), 2)], "抽查的后河镇2个村未配备协管员");
                yield return (K(4, 2, 1), [new ClauseFinding(K(4, 2, 1), 2, 1)], null);
                break;
            case "鄢陵县":
                yield return (K(2, 1, 1), [new ClauseFinding(K(2, 1, 1), 3)], "一般行业执法覆盖率为27%");
                yield return (K(4, 5, 1), [new ClauseFinding(K(4, 5, 1), 2, 1)], null);
                yield return (K(5, 1, 2), [new ClauseFinding(K(5, 1, 2), 2)], null);
                break;
            case "魏都区":
                yield return (K(1, 2, 2), [new ClauseFinding(K(1, 2, 2), 1, 2)], "抽查区住建局、商务局会议记录");
                yield return (K(4, 6, 1), [new ManualDeduction(K(4, 6, 1), 0.5m, "省督导组交办的1处隐患整改资料不全")], null);
                break;
            case "建安区":
                yield return (K(3, 6, 1), [new ClauseFinding(K(3, 6, 1), 1), new ClauseFinding(K(3, 6, 1), 2, 1)], null);
                yield return (K(4, 3, 1), [new ClauseFinding(K(4, 3, 1), 1, 1)], "抽查企业中1家隐患未整改到位");
                break;
        }
    }

    private string? _passwordHash;

    private async Task<string> User(string userName, string displayName, Role role, int? targetId, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            // Every demo user has the same password: hash it once (hashing is deliberately slow).
            // The demo accounts are the README's first run: no password change is due.
            user = new KaopingUser { UserName = userName, DisplayName = displayName, TargetId = targetId, CreatedAt = clock.GetUtcNow() };
            _passwordHash ??= users.PasswordHasher.HashPassword(user, password);
            user.PasswordHash = _passwordHash;
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                throw new InvalidOperationException("Cannot create demo user " + userName + ": "
                    + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role.ToString());
        }
        return user.Id;
    }
}
