namespace ResellerKit.Themes.Views;

/// <summary>The anti-forgery field every form must carry: <c>&lt;input type="hidden" name="{{ csrf.field_name }}" value="{{ csrf.token }}"&gt;</c>.</summary>
public sealed record CsrfView(string FieldName, string Token);
