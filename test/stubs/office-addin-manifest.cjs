// office-addin-mock 4 pulls office-addin-manifest (ESM) under Jest 30 / Node 20; only this enum is needed.
module.exports = { OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } };
