/**
 * The province: its administrators (by Telegram id, from {@code conversations/provinces/<code>.yaml}) follow every
 * commune of the province for a report and period, remind a commune's office, get the province summary (an XLSX with a
 * column per commune and the province's total, and every commune's compiled DOCX in one ZIP) and the communes'
 * reporting and on-time rates over the last periods.
 *
 * <p>Used through {@link vn.communereport.province.ProvinceDesk}: the conversation engine hands it a province
 * administrator's step ({@link vn.communereport.province.ProvinceRequest}) and stores what it returns
 * ({@link vn.communereport.province.ProvinceReply}) in the outbox. Inside: {@code definition} (the province files),
 * {@code progress} (communes' status, reporting rates), {@code summary} (the workbook and the ZIP), {@code chat}
 * (commands, buttons and screens). Texts are in {@code i18n/province.properties}.
 */
package vn.communereport.province;
