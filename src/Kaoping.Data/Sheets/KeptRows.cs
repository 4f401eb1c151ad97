using Kaoping.Data.Entities;

namespace Kaoping.Data.Sheets;

/// <summary>A sheet's rows (all but its audit trail) at one version. Never handed out: a read gets copies, which it may change.</summary>
internal sealed record KeptRows(
    int Version, SheetFinding[] Findings, SheetRemark[] Remarks, SheetEvidence[] Evidence, SheetAppeal[] Appeals, SheetTransition[] Transitions,
    SheetNotApplicable[] NotApplicable)
{
    public static KeptRows Of(Sheet sheet) => new(sheet.Version, [.. sheet.Findings.Select(f => f.Copy())], [.. sheet.Remarks.Select(r => r.Copy())],
        [.. sheet.Evidence.Select(e => e.Copy())], [.. sheet.Appeals.Select(a => a.Copy())], [.. sheet.Transitions.Select(t => t.Copy())],
        [.. sheet.NotApplicable.Select(n => n.Copy())]);

    public void CopyTo(Sheet sheet)
    {
        sheet.Findings = [.. Findings.Select(f => f.Copy())];
        sheet.Remarks = [.. Remarks.Select(r => r.Copy())];
        sheet.Evidence = [.. Evidence.Select(e => e.Copy())];
        sheet.Appeals = [.. Appeals.Select(a => a.Copy())];
        sheet.Transitions = [.. Transitions.Select(t => t.Copy())];
        sheet.NotApplicable = [.. NotApplicable.Select(n => n.Copy())];
    }
}
