using Kaoping.Data.Entities;
using Kaoping.Text;

namespace Kaoping.Web.Services;

public static class SecurityEventText
{
    public static LocalizedText Of(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.SignedIn => new("登录成功", "Signed in"),
        SecurityEventKind.SignInFailed => new("登录失败", "Sign-in failed"),
        SecurityEventKind.LockedOut => new("账号锁定", "Locked out"),
        SecurityEventKind.SignedOut => new("退出登录", "Signed out"),
        SecurityEventKind.PasswordChanged => new("修改密码", "Password changed"),
        SecurityEventKind.PasswordReset => new("重置密码", "Password reset"),
        SecurityEventKind.UserCreated => new("创建用户", "User created"),
        SecurityEventKind.UserChanged => new("修改用户", "User changed"),
        SecurityEventKind.UserDisabled => new("停用用户", "User disabled"),
        SecurityEventKind.UserEnabled => new("启用用户", "User enabled"),
        SecurityEventKind.RoleChanged => new("角色变更", "Role changed"),
        SecurityEventKind.EvidenceTampered => new("佐证材料被改动", "Evidence tampered"),
        SecurityEventKind.EventsSuppressed => new("同类事件合并记录", "Events counted together"),
        SecurityEventKind.RubricImported => new("导入考评细则", "Rubric imported"),
        SecurityEventKind.RubricArchived => new("归档考评细则", "Rubric archived"),
        SecurityEventKind.RubricRestored => new("恢复考评细则", "Rubric restored"),
        SecurityEventKind.RubricDeleted => new("删除考评细则", "Rubric deleted"),
        SecurityEventKind.TargetsImported => new("导入被考评单位", "Targets imported"),
        SecurityEventKind.TargetAdded => new("添加被考评单位", "Target added"),
    };
}
