using Kaoping.Data;

namespace Kaoping.Web;

/// <summary>How this instance runs: its database provider, whether demo mode is on, where its data lives.</summary>
public sealed record Instance(DatabaseProvider Provider, bool Demo, string DataDirectory, bool ShowsDemoPassword = false);
