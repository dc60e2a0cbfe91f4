/** The file formats every export route offers, and the media type each is served as. */
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The media types alone (no parameters), as an API document lists what an export answers with. */
export const EXPORT_MEDIA_TYPES = Object.values(EXPORT_CONTENT_TYPES).map((type) => type.split(";")[0] ?? type);
