using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Schemes;
using Kaoping.Web.Services.Schemes;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Results;

/// <summary>A campaign's scheme, with the part its sheets score and the part its accident statistics score (if any).</summary>
public sealed record CampaignScheme(Scheme Scheme, string SheetPart, string? AccidentPart, int? SchemeId);

/// <summary>The scheme a campaign was created with, or the default scheme of its rubric alone (<see cref="CampaignSchemes"/>).</summary>
public sealed class CampaignSchemeSource(IDbContextFactory<KaopingDbContext> contexts, SchemeLibrary schemes, RubricLibrary rubrics)
{
    public async Task<CampaignScheme> ForAsync(Campaign campaign, CancellationToken cancel = default)
    {
        if (campaign.SchemeId is { } id)
        {
            await using var db = await contexts.CreateDbContextAsync(cancel);
            var stored = await db.Schemes.AsNoTracking().FirstAsync(s => s.Id == id, cancel);
            return new CampaignScheme(await schemes.ModelAsync(stored, cancel), stored.SheetPart, stored.AccidentPart, id);
        }
        var rubric = await rubrics.ModelAsync(campaign.RubricId, cancel);
        return new CampaignScheme(CampaignSchemes.Default(campaign.Name, campaign.RubricId, rubric), CampaignSchemes.DefaultPartKey, null, null);
    }

    public async Task<(Campaign Campaign, CampaignScheme Scheme)?> ForAsync(int campaignId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancel);
        return campaign is null ? null : (campaign, await ForAsync(campaign, cancel));
    }
}
