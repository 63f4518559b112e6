namespace ResellerKit.Storefront.Components.Shared;

/// <summary>
/// Marks a back-office page that shows the live widget. The widget's loader (<c>/widget.js</c>) brings
/// <c>blazor.server.js</c>, which cannot share a page with <c>blazor.web.js</c>, so <see cref="App"/> leaves the latter
/// out there; links to such a page must opt out of enhanced navigation (<c>data-enhance-nav="false"</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HostsWidgetAttribute : Attribute;
