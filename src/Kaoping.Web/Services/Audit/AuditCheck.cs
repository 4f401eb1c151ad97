using Kaoping.Data;
using Kaoping.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>The audit readers' integrity check from the web app: the same verification as <c>kaoping audit verify</c>.</summary>
public sealed class AuditCheck(IDbContextFactory<KaopingDbContext> contexts, EvidenceStore evidence)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await AuditVerifier.VerifyAsync(db, evidence.Open, cancel);
    }
}
