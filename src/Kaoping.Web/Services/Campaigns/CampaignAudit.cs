using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>A campaign's own audit trail, oldest first; null when there is no such campaign.</summary>
public sealed class CampaignAudit(IDbContextFactory<KaopingDbContext> contexts)
{
    public async Task<IReadOnlyList<CampaignAuditEntry>?> ListAsync(int campaignId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancel))
            return null;
        return await db.CampaignAudit.AsNoTracking().Where(e => e.CampaignId == campaignId).OrderBy(e => e.Id).ToListAsync(cancel);
    }
}
