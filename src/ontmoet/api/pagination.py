"""Page-number pagination with page size, as in the NL API Design Rules examples."""

from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    page_size_query_param = "pageSize"
    max_page_size = 200
