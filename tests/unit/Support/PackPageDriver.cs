using System.Net;
using System.Text.Json;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>The back office's Packs page in tests: its add and edit forms as an owner submits them, and what they show.</summary>
public static class PackPageDriver
{
    public static async Task<string> AddPackAsync(Browser owner, string name, string credits, string price, string currency)
    {
        var response = await owner.SubmitAsync("/admin/packs", "/admin/packs", ("_handler", "create-pack"), ("Input.Name", name),
            ("Input.Credits", credits), ("Input.Price", price), ("Input.Currency", currency));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<string> EditPackAsync(Browser owner, string page, string name, string credits, string price, string currency)
    {
        var response = await owner.SubmitAsync(page, page, ("_handler", "edit-pack"), ("Input.Name", name),
            ("Input.Credits", credits), ("Input.Price", price), ("Input.Currency", currency));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    // The message element a field's refusal is shown in (FieldError: <p class="field-error" id="{field}-error">).
    public static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"{id} is shown");
        return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    public static async Task<JsonElement> SinglePackAsync(TestAgency agency, string name) =>
        (await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("data").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
}
