package ai.switchboard.gateway.admin;

import java.util.List;

/** A collection response: {@code {"data": [...]}}, leaving room for paging fields later. */
record ListResponse<T>(List<T> data) {
}
