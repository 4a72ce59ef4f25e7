"""Page-number pagination with page size, as in the NL API Design Rules examples."""

from typing import Any

from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    page_size_query_param = "pageSize"
    max_page_size = 200

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """The document says what is accepted (ontmoet.api.query checks it): pages from 1, at most 200 a page."""
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        bounds = {"page": {"minimum": 1}, "pageSize": {"minimum": 1, "maximum": self.max_page_size}}
        for parameter in parameters:
            parameter["schema"] = {**parameter["schema"], **bounds.get(parameter["name"], {})}
        return parameters
