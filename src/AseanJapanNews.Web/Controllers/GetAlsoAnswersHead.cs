using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace AseanJapanNews.Web.Controllers;

/// <summary>
/// Every GET action also answers HEAD: feed readers, link checkers and crawlers ask HEAD first, and MVC's
/// <c>[HttpGet]</c> matches GET alone, so they got 404 for pages that exist. Kestrel sends no body for HEAD.
/// </summary>
public sealed class GetAlsoAnswersHead : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            if (selector.EndpointMetadata.OfType<HttpMethodMetadata>().FirstOrDefault() is not { } metadata
                || !metadata.HttpMethods.Contains(HttpMethods.Get) || metadata.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }
            string[] methods = [.. metadata.HttpMethods, HttpMethods.Head];
            selector.EndpointMetadata.Remove(metadata);
            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods, metadata.AcceptCorsPreflight));
            foreach (var constraint in selector.ActionConstraints.OfType<HttpMethodActionConstraint>().ToList())
            {
                selector.ActionConstraints.Remove(constraint);
            }
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
        }
    }
}
