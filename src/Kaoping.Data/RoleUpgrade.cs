namespace Kaoping.Data;

/// <summary>
/// The data step of the <c>Accounts</c> migration (三员分立), the same SQL on both databases: the office's
/// administrators keep the office role, and so that a running office is not locked out of user management, one of them —
/// the first by user name, as accounts from before this migration have no creation time — also becomes the system
/// administrator. A new database has no roles yet and is left alone (the app creates the roles at start).
/// </summary>
public static class RoleUpgrade
{
    public const string Up = """
        INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp")
        SELECT 'kaoping-role-systemadmin', 'SystemAdmin', 'SYSTEMADMIN', 'kaoping-role-systemadmin'
        WHERE EXISTS (SELECT 1 FROM "AspNetRoles" WHERE "NormalizedName" = 'ADMIN')
          AND NOT EXISTS (SELECT 1 FROM "AspNetRoles" WHERE "NormalizedName" = 'SYSTEMADMIN');
        INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
        SELECT first."UserId", (SELECT "Id" FROM "AspNetRoles" WHERE "NormalizedName" = 'SYSTEMADMIN')
        FROM (SELECT ur."UserId" FROM "AspNetUserRoles" ur
              JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
              JOIN "AspNetUsers" u ON u."Id" = ur."UserId"
              WHERE r."NormalizedName" = 'ADMIN' ORDER BY u."NormalizedUserName" LIMIT 1) first
        WHERE NOT EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                          WHERE r."NormalizedName" = 'SYSTEMADMIN');
        """;

    public const string Down = """
        DELETE FROM "AspNetUserRoles" WHERE "RoleId" IN (SELECT "Id" FROM "AspNetRoles" WHERE "NormalizedName" IN ('SYSTEMADMIN', 'AUDITOR'));
        DELETE FROM "AspNetRoles" WHERE "NormalizedName" IN ('SYSTEMADMIN', 'AUDITOR');
        """;
}
