using System.Text;
using System.Text.Json;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// The limits of a campaign, checked at the boundary field by field, so that one request reports every bad field.
/// Each check returns the value to store (trimmed, or compact JSON) and records a message when it is invalid.
/// </summary>
public static class CampaignRules
{
    public const int MaxNameLength = 120;
    public const int MaxJsonBytes = 64 * 1024;
    public const int MaxInstructionsLength = 20_000;
    public const int MaxFaqs = 200;
    public const int MaxQuestionLength = 500;
    public const int MaxAnswerLength = 5_000;
    public const string EmptyObject = "{}";

    public static string Name(string? value, FieldErrors errors)
    {
        var trimmed = value?.Trim() ?? "";
        errors.Name("name", trimmed, $"Give the campaign a name of 1 to {MaxNameLength} characters.", MaxNameLength);
        return trimmed;
    }

    /// <summary>A JSON object of at most 64 KB, stored compact; absent or null is the empty object.</summary>
    public static string JsonObject(string field, JsonElement? value, FieldErrors errors)
    {
        if (value is not { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } element)
        {
            return EmptyObject;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, $"{field} must be a JSON object, like {{ \"key\": \"value\" }}.");
            return EmptyObject;
        }
        var compact = JsonSerializer.Serialize(element);
        errors.When(Encoding.UTF8.GetByteCount(compact) > MaxJsonBytes, field,
            $"{field} may hold at most {MaxJsonBytes / 1024} KB of JSON.");
        return compact;
    }

    public static string Instructions(string? value, FieldErrors errors)
    {
        var text = value ?? "";
        errors.Text("instructions", text, MaxInstructionsLength, multiline: true);
        return text;
    }

    public static IReadOnlyList<CampaignFaq> Faqs(IReadOnlyList<FaqInput?>? value, FieldErrors errors)
    {
        if (value is null)
        {
            return [];
        }
        if (value.Count > MaxFaqs)
        {
            errors.Add("faqs", $"A campaign may have at most {MaxFaqs} FAQs.");
            return [];
        }
        var faqs = new List<CampaignFaq>(value.Count);
        for (var i = 0; i < value.Count; i++)
        {
            var question = value[i]?.Question?.Trim() ?? "";
            var answer = value[i]?.Answer?.Trim() ?? "";
            errors.When(question.Length is 0 or > MaxQuestionLength, $"faqs[{i}].question", $"Each question must be 1 to {MaxQuestionLength} characters.")
                .When(answer.Length is 0 or > MaxAnswerLength, $"faqs[{i}].answer", $"Each answer must be 1 to {MaxAnswerLength} characters.")
                .Text($"faqs[{i}].question", question, MaxQuestionLength)
                .Text($"faqs[{i}].answer", answer, MaxAnswerLength, multiline: true);
            faqs.Add(new CampaignFaq(question, answer));
        }
        return faqs;
    }
}
