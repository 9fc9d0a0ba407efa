/**
 * Which commune and report a person acts in: their chosen membership (access) and, where their department owes
 * several reports at once, the report they chose. Every channel asks here, so the chat, the web form, the console
 * and the spreadsheet act in the same scope.
 */
package vn.communereport.acting;
