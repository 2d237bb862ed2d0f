/** Where a shop channel's buyer browses and sees a product: the web store or the employee store. */
export function shopPaths(code: "WEB" | "EMPLOYEE") {
  const employee = code === "EMPLOYEE";
  return {
    browse: employee ? "/employee" : "/shop",
    product: (styleCode: string) =>
      `${employee ? "/employee/products" : "/products"}/${encodeURIComponent(styleCode)}`,
  };
}
