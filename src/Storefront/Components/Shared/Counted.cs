namespace ResellerKit.Storefront.Components.Shared;

/// <summary>A count with its noun in the right number: "1 purchase", "3 purchases".</summary>
public static class Counted
{
    public static string Of(long count, string noun) =>
        BackOffice.BackOfficeFormat.Count(count) + " " + (count == 1 ? noun : noun + "s");
}
