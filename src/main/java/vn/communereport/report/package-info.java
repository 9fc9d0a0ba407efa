/**
 * The compiled report: a period's stored answers turned into the official DOCX (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I) with its statistics annex, and the same table as an XLSX workbook.
 *
 * <p>Used through {@link vn.communereport.report.ReportCompiler}: {@code compile} for the office (a draft with
 * highlighted "[Chưa có số liệu: …]" markers until every department has handed in), {@code departmentPart} for a
 * department's members, and {@code checkAnswer} for the conversation, which checks a new figure against the rules
 * lying wholly within the answering department. Rates are computed from their parts ({@code compute}); rules are
 * evaluated only when every row they name has a value.
 *
 * <p>Inside: {@code Figures} (values and rates), {@code RuleChecker}, {@code TemplateText} (placeholders),
 * {@code DocxReportWriter} (the official document) with {@code DocxNarrative}, {@code DocxAnnex} (statistics annex,
 * check page) and {@code DocxDepartmentPart}, and {@code XlsxTableWriter}, all free of Spring so tests build them
 * directly. Every word they write that is not from the definitions is in {@code i18n/report.properties}, looked up
 * through the {@code Wording} that {@code ReportData} carries (the application's {@code messaging.Texts}).
 */
package vn.communereport.report;
