// The same page, rendered inside the workspace layout so the sidebar stays.
export { default } from "../forbidden";
