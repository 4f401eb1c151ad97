using System.Runtime.InteropServices;

namespace Kaoping.Web.Deployment;

/// <summary>
/// On Linux the data is the owner's alone: directories 700, files 600. New files get it from the process's umask
/// (077, set at start, as the systemd unit's <c>UMask=0077</c> does); files of an older install are tightened at start.
/// </summary>
public static class FileModes
{
    public const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Whatever this process creates from now on is readable by its user only.</summary>
    public static void OwnerOnlyFromNowOn()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            NativeMethods.umask(0b000_111_111);
    }

    /// <summary>Gives every directory under <paramref name="root"/> (itself included) mode 700 and every file 600.</summary>
    public static void Tighten(string root)
    {
        if (OperatingSystem.IsWindows() || !System.IO.Directory.Exists(root))
            return;
        SetMode(root, Directory);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            SetMode(entry.FullName, entry is DirectoryInfo ? Directory : File);
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
            return;
        if (System.IO.File.GetUnixFileMode(path) != mode)
            System.IO.File.SetUnixFileMode(path, mode);
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "umask")]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code for nothing here: one integer in, one out
        public static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054
    }
}
