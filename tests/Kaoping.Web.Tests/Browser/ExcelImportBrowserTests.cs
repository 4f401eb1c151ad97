using Kaoping.Web.Tests.Office;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>
/// The targets and users pages: a filled template uploaded with 导入 Excel, and its answer (added, or the wrong row and column;
/// the new accounts' initial passwords shown once).
/// </summary>
[Collection(BrowserCollection.Name)]
public class ExcelImportBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, "targets-import")]
    [InlineData(820, "targets-import-820")]
    public async Task AFilledTemplate_Uploaded_ShowsWhatWasAdded_OrTheWrongCell(int width, string screenshot)
    {
        var page = await fixture.SignedInPageAsync("admin", width);
        await page.GotoAsync($"{fixture.BaseUrl}/admin/targets");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #targets-file", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#targets-template")).ToHaveAttributeAsync("href", "/api/targets/template.xlsx");
        await Assertions.Expect(page.Locator("#targets-export")).ToHaveAttributeAsync("href", "/api/targets/export.xlsx");

        await page.SetInputFilesAsync("#targets-file", Payload(TargetImportApiTests.Workbook(["汝州市" + width, "县（市）", "河南省 > 平顶山市"], ["", "区", ""])));

        var message = page.Locator("#targets-import-message");
        await Assertions.Expect(message).ToContainTextAsync("未导入任何数据", new() { Timeout = 20000 });
        await Assertions.Expect(message).ToContainTextAsync("第3行第1列（A列，被考评单位名称）是空的");
        await BrowserFixture.ScreenshotAsync(page, screenshot + "-error");

        await page.SetInputFilesAsync("#targets-file", Payload(TargetImportApiTests.Workbook(["汝州市" + width, "县（市）", "河南省 > 平顶山市"],
            ["郏县" + width, "县（市）", "河南省 › 平顶山市"])));

        await Assertions.Expect(message).ToContainTextAsync("已导入：新增 2 个，更新 0 个。", new() { Timeout = 20000 });
        await page.FillAsync("#targets-q", "汝州市" + width);
        await page.PressAsync("#targets-q", "Enter");
        await Assertions.Expect(page.Locator("#targets")).ToContainTextAsync("河南省 › 平顶山市 › 汝州市" + width);
        await BrowserFixture.ScreenshotAsync(page, screenshot);
    }

    [Fact]
    public async Task AnAccountsFile_Uploaded_ShowsTheInitialPasswordsOnce()
    {
        var page = await fixture.SignedInPageAsync("sysadmin", 1280);
        await page.GotoAsync($"{fixture.BaseUrl}/admin/users");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #users-file", new PageWaitForSelectorOptions { Timeout = 20000 });

        await page.SetInputFilesAsync("#users-file", Payload(UserImportApiTests.Workbook(["bulkreporter", "襄城县 填报员", "填报员", "襄城县", ""],
            ["bulkassessor", "赵考评", "考评员", "", ""])));

        await Assertions.Expect(page.Locator("#users-import-message")).ToContainTextAsync("已导入：新建 2 个账号", new() { Timeout = 20000 });
        var passwords = page.Locator("#users-initial-passwords tr");
        await Assertions.Expect(passwords).ToHaveCountAsync(2);
        await Assertions.Expect(passwords.First).ToContainTextAsync("bulkreporter");
        await BrowserFixture.ScreenshotAsync(page, "users-import");
        // shown once: gone when the page is opened again
        await page.ReloadAsync();
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #users-file", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#users-initial-passwords")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr[data-user=bulkreporter]")).ToContainTextAsync("待修改初始密码");
    }

    private static FilePayload Payload(byte[] bytes) =>
        new() { Name = "被考评单位.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bytes };
}
