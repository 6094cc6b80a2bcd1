"""Thin views: parse the request, call a service or a selector, render a page or a partial."""
